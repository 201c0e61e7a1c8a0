/**
 * The content loader (Node-only): reads a campaign's content folder, parses each YAML
 * file once (js-yaml's CORE_SCHEMA, text NFC-normalised), validates it with the zod
 * schemas of `src/shared/schemas/` and checks references between collections (`check.ts`).
 *
 * One read per content folder per process: the content-check and print-files
 * integrations and the content collections' loaders (`loader.ts`, run by Astro in its
 * own module graph) all get the same parsed result from a process-wide memo. The memo
 * is dropped when a file's size or time changes, so `astro dev` sees edits.
 *
 * The folder is `CONTENT_DIR` (default `content/`, see `site.config.mjs`): `contentDirOf(root)`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { contentDir as configuredContentDir } from '../../../site.config.mjs';
import { dataFiles, optionalCollections, type DataCollection } from '../../shared/schemas/index.ts';
import { checkEntries, checkPageFrontMatter, checkReferences, ContentError, type CheckedContent } from './check.ts';

export { ContentError, type CheckedContent } from './check.ts';

/** Sub-folders of a content folder: the prose pages (Markdown or MDX) and the signed plan's text. */
export const PAGES_DIR = 'pages';
const SOURCE_DIR = 'source';
/** Prose pages; a leading `_` keeps a file out. The same pattern as the `pages` collection's glob. */
export const PAGE_PATTERN = '**/[^_]*.{md,mdx}';
const PAGE_FILE = /^[^_].*\.mdx?$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

/**
 * The content folder of the project at `root`: `CONTENT_DIR`, relative to the root or
 * absolute; `content/` by default.
 */
export function contentDirOf(root: string): string {
  return resolve(root, configuredContentDir);
}

const listed = (dir: string, keep: (name: string) => boolean) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter(keep)
        .sort()
        .map((name) => join(dir, name))
    : [];

/**
 * True when a prose page of the content folder is MDX (`.mdx`, in any sub-folder the
 * `pages` collection's glob reaches). Astro's MDX integration is loaded only then
 * (`astro.config.mjs`): Markdown (`.md`) needs nothing beyond Astro, and loading MDX's
 * compiler for no page cost about 0.15 s of every build (README "Benchmarks").
 */
export function hasMdxPages(contentDir: string): boolean {
  const dir = join(contentDir, PAGES_DIR);
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((path) => {
    const name = basename(path);
    return name.endsWith('.mdx') && PAGE_FILE.test(name);
  });
}

/** Every file the content is read from: the data files, the prose pages and the plan's text. */
export function contentFiles(contentDir: string): string[] {
  return [
    ...Object.values(dataFiles).map((name) => join(contentDir, name)),
    ...listed(join(contentDir, PAGES_DIR), (name) => PAGE_FILE.test(name)),
    ...listed(join(contentDir, SOURCE_DIR), (name) => name.endsWith('.txt')),
  ];
}

/** Sizes and times of the files: what tells the memo that the content changed. */
function stamp(files: string[]): string {
  return files
    .map((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat ? `${file}:${stat.size}:${stat.mtimeMs}` : `${file}:-`;
    })
    .join('\n');
}

interface Loaded {
  readonly stamp: string;
  readonly content: CheckedContent;
}

// On globalThis, not in this module: Astro loads the content config in another module
// graph than the integrations, and both must share one read.
const CACHE_KEY = Symbol.for('campaign-site:content');
const cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= new Map()) as Map<string, Loaded>;

/**
 * The checked content of a campaign folder, read once per process. Throws a
 * `ContentError` that names the file, entry and field of every problem, with paths
 * shown relative to `rootDir` (`content/slogans.yaml`). A failed read is not kept.
 */
export function loadContent(contentDir: string, rootDir = join(contentDir, '..')): CheckedContent {
  const dir = resolve(contentDir);
  const root = resolve(rootDir);
  const key = `${dir}\n${root}`;
  const current = stamp(contentFiles(dir));
  const hit = cache.get(key);
  if (hit?.stamp === current) return hit.content;
  const content = readContent(dir, root);
  cache.set(key, { stamp: current, content });
  return content;
}

/** The one campaign entry of checked content. */
export function campaignOf(content: CheckedContent): CheckedContent['campaign'][number] {
  const [campaign] = content.campaign;
  if (!campaign) throw new ContentError(['no campaign entry']);
  return campaign;
}

const readText = (file: string) => readFileSync(file, 'utf8').normalize('NFC');

/** Parsed YAML, or `undefined` after recording why it could not be parsed. */
function parseYaml(text: string, shown: string, what: string, problems: string[]): { value: unknown } | undefined {
  try {
    // CORE_SCHEMA keeps dates as written: the default schema turns 2020-11-31 into 1 December.
    return { value: yaml.load(text, { filename: shown, schema: yaml.CORE_SCHEMA }) };
  } catch (error) {
    problems.push(`${shown}: ${what}: ${(error as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

function readContent(contentDir: string, rootDir: string): CheckedContent {
  const problems: string[] = [];
  const shown = (collection: DataCollection) => relative(rootDir, join(contentDir, dataFiles[collection]));
  const result = {} as Record<DataCollection, Record<string, unknown>[]>;

  for (const collection of Object.keys(dataFiles) as DataCollection[]) {
    const file = join(contentDir, dataFiles[collection]);
    result[collection] = [];
    if (!existsSync(file)) {
      if (optionalCollections.has(collection)) continue;
      problems.push(`${shown(collection)}: file is missing (collection "${collection}")`);
      continue;
    }
    const parsed = parseYaml(readText(file), shown(collection), 'not valid YAML', problems);
    if (parsed) result[collection] = checkEntries(collection, parsed.value, shown(collection), problems);
  }

  const content = result as unknown as CheckedContent;
  checkReferences(content, contentDir, shown, problems);
  for (const file of listed(join(contentDir, PAGES_DIR), (name) => PAGE_FILE.test(name))) {
    const where = relative(rootDir, file);
    const match = FRONT_MATTER.exec(readText(file));
    if (!match) {
      problems.push(`${where}: missing front matter (--- … ---)`);
      continue;
    }
    const parsed = parseYaml(match[1]!, where, 'front matter is not valid YAML', problems);
    if (parsed) checkPageFrontMatter(parsed.value, where, problems);
  }

  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
