/**
 * `npm run check-deploy -- URL` (scripts/check-deploy.mjs) against the server under test (the
 * local server, or nginx with deploy/nginx.conf in `npm run test:nginx`), and against a bare
 * server that sends none of what a deployment needs.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { basePath, siteUrl } from '../../site.config.mjs';

/** Runs the check (asynchronously: the bare server below answers from this process). */
function checkDeploy(url: string): Promise<{ status: number | null; wrong: string[]; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/check-deploy.mjs', url]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) =>
      resolve({
        status,
        wrong: stdout.split('\n').filter((line) => line.startsWith('WRONG ')),
        output: stdout + stderr,
      }),
    );
  });
}

test('finds nothing wrong with the server under test but the address the build was made for', async ({ baseURL }) => {
  const { status, wrong, output } = await checkDeploy(baseURL!);
  if (new URL(baseURL!).origin === siteUrl) {
    expect(wrong, output).toEqual([]);
    expect(status).toBe(0);
    return;
  }
  // dist/ was built for SITE_URL (127.0.0.1:4321), served here on another port: exactly that is wrong.
  expect(status).toBe(1);
  expect(wrong, output).toEqual([
    `WRONG the home page names ${siteUrl}${basePath} as its address, but it is served at ${baseURL}: build again with SITE_URL (and BASE_PATH) set to the public address.`,
    `WRONG og:url is ${siteUrl}${basePath}, expected ${baseURL}.`,
    expect.stringMatching(/^WRONG sitemap\.xml lists \d+ of \d+ pages at another address/),
  ]);
});

test('says in plain words what a bare server gets wrong', async () => {
  const dist = new URL('../../dist/', import.meta.url);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname).replace(/\/$/, '/index.html');
    try {
      response.end(await readFile(new URL(`.${path}`, dist)));
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { status, wrong, output } = await checkDeploy(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(status).toBe(1);
    expect(output).toContain(
      'WRONG home page: the Content-Security-Policy header is missing. Add it as in deploy/security-headers.json',
    );
    expect(output).toContain('WRONG home page is not compressed: turn on gzip');
    expect(output).toContain('WRONG unknown addresses answer 404 without the site’s 404 page');
    expect(output).toMatch(/WRONG \/_astro\/[^:]+\.css: Cache-Control is "": files under \/_astro\/ have hashed names/);
    expect(output).toMatch(/WRONG \S+\.pdf is served as "no type", expected application\/pdf/);
    expect(wrong.length).toBeGreaterThan(8);
  } finally {
    server.close();
  }
});
