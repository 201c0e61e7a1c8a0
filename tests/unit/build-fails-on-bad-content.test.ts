import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDir, fixturesDir } from './helpers/content.ts';
import { astroBuild, projectCopy } from './helpers/project.ts';

describe('astro build with malformed content', () => {
  it('stops before rendering and names the file and the field', async () => {
    const fixture = readFileSync(join(fixturesDir, 'broken-content/unknown-agency.milestones.yaml'), 'utf8');
    const root = projectCopy('site-build-', { content: contentDir });
    writeFileSync(join(root, 'content', 'milestones.yaml'), fixture);
    const { status, output } = await astroBuild(root, { CONTENT_DIR: '' }, 120_000).finally(() =>
      rmSync(root, { recursive: true, force: true }),
    );
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      'content/milestones.yaml: entry id "han-bao-cao": field "receivedBy": unknown agency "phong-khong-ton-tai"',
    );
    expect(output).not.toContain('Complete!');
  }, 150_000);
});
