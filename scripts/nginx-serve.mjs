// Serves dist/ with Debian's nginx and the site's own deploy/nginx.conf, on 127.0.0.1, for the
// deploy smoke tests (`npm run test:nginx`, README "Deploy"). Runs as root or not.
//   node scripts/nginx-serve.mjs [--port 4322] [--dir dist]   serve until stopped
//   node scripts/nginx-serve.mjs --check                       `nginx -t` on the config
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const SITE_CONF = new URL('../deploy/nginx.conf', import.meta.url);

/**
 * deploy/nginx.conf made runnable in `prefix`: listening on 127.0.0.1:`port`, serving `dir`,
 * inside a minimal main config whose logs and temporary files stay in `prefix`.
 */
export function runnableConfig({ port, dir, prefix }) {
  const site = readFileSync(SITE_CONF, 'utf8');
  const local = site
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root \S+;$/m, `$1root ${resolve(dir)};`);
  if (local === site || !local.includes(`listen 127.0.0.1:${port};`) || !local.includes(`root ${resolve(dir)};`))
    throw new Error('deploy/nginx.conf: expected one "listen 80;" and one "root …;" line');
  writeFileSync(join(prefix, 'site.conf'), local);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${join(prefix, name)};`)
    .join('\n');
  const main = `daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
    access_log off;
${temp}
    include ${join(prefix, 'site.conf')};
}
`;
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, main);
  return file;
}

/** `nginx -t` on a runnable copy of deploy/nginx.conf: exit code and output. */
export function checkConfig() {
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-check-'));
  try {
    mkdirSync(join(prefix, 'dist'));
    const conf = runnableConfig({ port: 8080, dir: join(prefix, 'dist'), prefix });
    const run = spawnSync(NGINX, ['-t', '-p', prefix, '-e', 'stderr', '-c', conf], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error?.message ?? ''}` };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.E2E_PORT ?? '4322' },
      dir: { type: 'string', default: 'dist' },
      check: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(NGINX)) {
    console.error(
      `nginx not found at ${NGINX}: install Debian's nginx (apt-get install nginx) or set NGINX=/path/to/nginx.`,
    );
    process.exit(1);
  }
  if (values.check) {
    const { status, output } = checkConfig();
    console.log(output.trim());
    process.exit(status ?? 1);
  }
  const prefix = mkdtempSync(join(tmpdir(), 'nginx-serve-'));
  const conf = runnableConfig({ port: Number(values.port), dir: values.dir, prefix });
  const nginx = spawn(NGINX, ['-p', prefix, '-e', 'stderr', '-c', conf], { stdio: 'inherit' });
  const stop = () => nginx.kill('SIGQUIT');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  nginx.on('exit', (code) => {
    rmSync(prefix, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
  console.log(`nginx serving ${resolve(values.dir)} at http://127.0.0.1:${values.port}/ (deploy/nginx.conf)`);
}
