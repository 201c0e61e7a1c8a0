import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkSiteUrl, parseSiteUrl } from '../../../site.config.mjs';
import { repoRoot } from '../helpers/content.ts';

/** `npm run build` with SITE_URL as given (unset when undefined): exit code and error output. */
function npmBuild(siteUrl: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.SITE_URL;
  if (siteUrl !== undefined) env.SITE_URL = siteUrl;
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, env, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr.trim() };
}

describe('SITE_URL', () => {
  it('npm run build without it stops at once with one line naming it, with an example', () => {
    const { status, stderr } = npmBuild(undefined);
    expect(status).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('SITE_URL is not set');
    expect(stderr).toContain('SITE_URL=https://example.gov.vn npm run build');
  });

  it('npm run build with a bad value names the variable and the value', () => {
    const { status, stderr } = npmBuild('example.gov.vn');
    expect(status).not.toBe(0);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('SITE_URL="example.gov.vn"');
  });

  it('accepts an origin and drops a trailing slash', () => {
    expect(parseSiteUrl('https://example.gov.vn/')).toBe('https://example.gov.vn');
    expect(parseSiteUrl('http://127.0.0.1:4321')).toBe('http://127.0.0.1:4321');
  });

  it('refuses a path, query, other scheme or user, pointing a sub-folder to BASE_PATH', () => {
    expect(() => parseSiteUrl('https://example.gov.vn/thang-hanh-dong/')).toThrow(/BASE_PATH/);
    expect(() => parseSiteUrl('https://example.gov.vn/?a=1')).toThrow(/SITE_URL="https:\/\/example.gov.vn\/\?a=1"/);
    expect(() => parseSiteUrl('ftp://example.gov.vn')).toThrow(/SITE_URL="ftp:\/\/example.gov.vn" must start/);
    expect(() => parseSiteUrl('https://user@example.gov.vn')).toThrow(/SITE_URL/);
  });

  it('astro build (through astro.config.mjs) needs it too; dev and check do not', () => {
    const saved = process.env.SITE_URL;
    delete process.env.SITE_URL;
    try {
      expect(() => checkSiteUrl('build')).toThrow(/SITE_URL is not set/);
      expect(() => checkSiteUrl('dev')).not.toThrow();
      expect(() => checkSiteUrl('sync')).not.toThrow();
    } finally {
      if (saved !== undefined) process.env.SITE_URL = saved;
    }
  });
});
