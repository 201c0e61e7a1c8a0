// Makes sure the end-to-end tests have a Chromium: uses one that exists, installs
// Debian's chromium when running as root on Debian, or stops with a one-line instruction.
import { execFileSync } from 'node:child_process';
import { canInstallDebianPackages, findChromium } from './browser.mjs';

let path = await findChromium();
if (!path && canInstallDebianPackages()) {
  console.log("No Chromium found: installing Debian's chromium (apt-get install -y chromium) …");
  execFileSync(
    'sh',
    ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null'],
    { stdio: 'inherit' },
  );
  path = await findChromium();
}
if (!path) {
  console.error(
    'No Chromium found: install one (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH=/path/to/chromium, then run `npm test` again.',
  );
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${path}`);
