/**
 * NODE ONLY: the version of an installed package, read from its package.json without loading it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Version of the package `name` that the file `entry` belongs to (some packages do not export package.json). */
export function packageVersion(entry: string, name: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (data.name === name && data.version) return data.version;
  }
  throw new Error(`No package.json of ${name} above ${entry}`);
}
