/**
 * The local server (scripts/serve.mjs) against the probes of issue 8: it answers each one
 * and keeps running. It serves a small made-up dist/ with a folder beside it and symlinks
 * pointing out of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/content.ts';

let dir = '';
let server: ChildProcess;
let port = 0;
const zip = randomBytes(4 << 20);
const html = '<!doctype html><title>x</title><p>' + 'trang chủ '.repeat(500);

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One request with the path sent exactly as written (fetch would normalise it). */
function raw(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const openFds = () => readdirSync(`/proc/${server.pid}/fd`).length;

async function expectAlive() {
  expect(server.exitCode).toBeNull();
  expect((await raw('/')).status).toBe(200);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  const dist = join(dir, 'dist');
  for (const folder of ['dist/khau-hieu', 'dist/_astro', 'dist/tai-lieu', 'dist-secret', 'outside'])
    mkdirSync(join(dir, folder), { recursive: true });
  writeFileSync(join(dist, 'index.html'), html);
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>404</title><p>Không tìm thấy trang');
  writeFileSync(join(dist, 'khau-hieu/index.html'), '<!doctype html><title>k</title>');
  writeFileSync(join(dist, '_astro/app.abc123.css'), 'body{color:red}'.repeat(100));
  writeFileSync(join(dist, 'tai-lieu/goi.zip'), zip);
  writeFileSync(join(dir, 'dist-secret/x'), 'SECRET-NEXT-TO-DIST');
  writeFileSync(join(dir, 'outside/secret.txt'), 'SECRET-OUTSIDE');
  symlinkSync(join(dir, 'outside/secret.txt'), join(dist, 'link.txt'));
  symlinkSync(join(dir, 'outside'), join(dist, 'linked-folder'));
  const env = { ...process.env };
  delete env.BASE_PATH;
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--dir', dist], { cwd: repoRoot, env });
  port = await new Promise<number>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const match = /127\.0\.0\.1:(\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the local server', () => {
  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address);
    for (const host of ['::1', ...others]) {
      const error = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/`).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error, host).toBeInstanceOf(Error);
    }
    await expectAlive();
  });

  it('survives the URL that put an invalid character in a Location header', async () => {
    const answer = await raw('/%E1%BB%87%2F..');
    expect(answer.status).toBeLessThan(500);
    // It names the folder it resolves to (dist/ itself), in ASCII, on this site.
    expect(answer.headers.location).toBe('/%E1%BB%87%2F../');
    await expectAlive();
  });

  it('closes the file of every download cut off early (300 of them)', async () => {
    await raw('/tai-lieu/goi.zip');
    const before = openFds();
    for (let i = 0; i < 300; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/tai-lieu/goi.zip' });
        req.on('response', (res) => res.once('data', () => (req.destroy(), resolve())));
        req.on('error', reject);
        req.end();
      });
    }
    for (let i = 0; i < 50 && openFds() > before + 5; i++) await sleep(100);
    expect(openFds()).toBeLessThanOrEqual(before + 5);
    await expectAlive();
  });

  it('never redirects to another site', async () => {
    for (const path of [
      '/%2Fevil.example%2F..%2Fkhau-hieu',
      '//evil.example/..%2Fkhau-hieu',
      '/%5Cevil.example%2F..%2Fkhau-hieu',
    ]) {
      const answer = await raw(path);
      const location = answer.headers.location;
      if (location) expect(new URL(String(location), `http://127.0.0.1:${port}/`).host, path).toBe(`127.0.0.1:${port}`);
    }
    expect((await raw('/khau-hieu')).headers.location).toBe('/khau-hieu/');
    await expectAlive();
  });

  it('reads nothing outside dist/: not the folder next to it, not through a symlink', async () => {
    for (const path of [
      '/..%2fdist-secret/x',
      '/..%2Fdist-secret%2Fx',
      '/../dist-secret/x',
      '/%2e%2e/dist-secret/x',
      '/link.txt',
      '/linked-folder/secret.txt',
    ]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toContain('SECRET');
      expect(answer.body.toString(), path).toContain('Không tìm thấy trang');
    }
    await expectAlive();
  });

  it('answers unknown paths with 404.html and status 404', async () => {
    const answer = await raw('/khong-co/');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body.toString()).toContain('Không tìm thấy trang');
  });

  it('answers other methods with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await raw('/', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
    expect((await raw('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('revalidates with ETag and 304; hashed assets are immutable', async () => {
    const first = await raw('/_astro/app.abc123.css');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toContain('immutable');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"/);
    const again = await raw('/_astro/app.abc123.css', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    expect((await raw('/')).headers['cache-control']).toBe('no-cache');
  });

  it('answers byte ranges, uncompressed', async () => {
    const part = await raw('/tai-lieu/goi.zip', { headers: { Range: 'bytes=100-199', 'Accept-Encoding': 'gzip' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${zip.length}`);
    expect(part.body.equals(zip.subarray(100, 200))).toBe(true);
    const tail = await raw('/tai-lieu/goi.zip', { headers: { Range: 'bytes=-10' } });
    expect(tail.body.equals(zip.subarray(-10))).toBe(true);
    const page = await raw('/', { headers: { Range: 'bytes=0-9', 'Accept-Encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toBe(html.slice(0, 10));
  });

  it('compresses text for clients that accept gzip', async () => {
    const answer = await raw('/', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(answer.body).toString()).toBe(html);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});
