// npm scripts must run on the pinned Node (the `node` devDependency), not the machine's.
// If npm ignored the node package's install script, it silently falls back to the system Node.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = pkg.devDependencies.node;
const actual = process.versions.node;
if (actual !== wanted) {
  console.error(
    `npm scripts run on Node ${actual}, not the pinned ${wanted}. Run \`npm ci\` (its install scripts must be allowed: see "allowScripts" in package.json).`,
  );
  process.exit(1);
}
console.log(`Node ${actual} (pinned) runs the npm scripts.`);
