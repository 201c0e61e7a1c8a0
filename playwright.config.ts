import { defineConfig } from '@playwright/test';
import { basePath } from './site.config.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4322);
// E2E_SERVER=nginx: the deploy smoke set runs against nginx with deploy/nginx.conf (npm run test:nginx).
const SERVER = process.env.E2E_SERVER === 'nginx' ? 'scripts/nginx-serve.mjs' : 'scripts/serve.mjs';
const executablePath: string | undefined = await findChromium();

/**
 * End-to-end tests run against the built site (`dist/`, built by `npm test`
 * before this runs) served by scripts/serve.mjs on 127.0.0.1.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // On CI machines (shared, loaded) a test that fails once is run once more; the line reporter still
  // names it as flaky, so it is seen and mended, not hidden. Locally a failure is a failure.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${basePath}`,
    locale: 'vi-VN',
    launchOptions: { args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) },
    serviceWorkers: 'block',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node ${SERVER} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${basePath}`,
    reuseExistingServer: false, // never test a server left over from another build or worktree
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 60_000,
  },
});
