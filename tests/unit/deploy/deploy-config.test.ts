/**
 * deploy/: nginx accepts the config (`nginx -t`), and nginx, the _headers file and the pages'
 * meta tag all carry the one set of security headers of deploy/security-headers.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../../scripts/nginx-serve.mjs';
import { metaContentSecurityPolicy } from '../../../src/build/security.ts';
import { repoRoot } from '../helpers/content.ts';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const HEADERS: Record<string, string> = JSON.parse(read('deploy/security-headers.json'));

describe('deploy/', () => {
  it('nginx -t accepts deploy/nginx.conf', () => {
    const { status, output } = checkConfig();
    expect(output).toContain('test is successful');
    expect(output).not.toMatch(/\[(warn|emerg)\]/);
    expect(status, output).toBe(0);
  });

  it('nginx sends every security header, always, with the same value', () => {
    const conf = read('deploy/nginx.conf');
    for (const [name, value] of Object.entries(HEADERS))
      expect(conf).toContain(`add_header ${name} "${value}" always;`);
    expect(conf).toMatch(/~\/_astro\/\s+"public, max-age=31536000, immutable";/);
    expect(conf).toContain('error_page 404 /404.html;');
    for (const type of [
      'text/calendar ics;',
      'application/octet-stream pagefind;',
      'application/manifest+json webmanifest;',
    ])
      expect(conf).toContain(type);
    // Debian's own list has the rest.
    const mime = readFileSync('/etc/nginx/mime.types', 'utf8');
    for (const [type, ext] of [
      ['application/pdf', 'pdf'],
      ['image/svg+xml', 'svg'],
      ['application/wasm', 'wasm'],
    ] as const)
      expect(mime).toMatch(new RegExp(`${type.replace(/[+/]/g, '\\$&')}\\s+[^;]*\\b${ext}\\b`));
  });

  it('_headers sends the same headers on every path, and keeps hashed assets for good', () => {
    const file = read('deploy/_headers');
    const all = file.slice(file.indexOf('/*\n'), file.indexOf('/_astro/*'));
    for (const [name, value] of Object.entries(HEADERS)) expect(all).toContain(`\n  ${name}: ${value}\n`);
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(file).toContain('/sw.js\n  Cache-Control: no-cache\n');
  });

  it('pages carry the policy in a meta tag, all but frame-ancestors (which a meta tag cannot carry)', () => {
    expect(metaContentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });
});
