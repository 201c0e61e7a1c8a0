import { createReadStream, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger, ViteUserConfig } from 'astro';
import { campaignOf, contentDirOf, loadContent } from '../content/load.ts';
import { unicodePropertiesShim } from '../print/unicode-properties-shim.ts';
import { builtPages } from './built-pages.ts';
import { addCustomiserPreloads } from './customiser-preload.ts';
import type { Placed, PrintStepInput, PrintStepMessage, PrintStepRequest, PrintStepResult } from './print-step.ts';

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/** The virtual module pages import the manifest from. */
export const MANIFEST_MODULE = 'virtual:campaign/print-manifest';
const RESOLVED_MANIFEST_MODULE = `\0${MANIFEST_MODULE}`;
/**
 * Modules replaced in browser bundles (see `customiserBundlePlugin`), by what stands in
 * for them: the customiser never uses what they hold.
 */
const BROWSER_STUBS: Record<string, string> = {
  // fontkit's WOFF2 decoder: a brotli port with its 120 KB dictionary.
  'brotli/decompress.js':
    'export default function decompress() { throw new Error("WOFF2 fonts are not supported by the customiser: load a TTF font."); }',
  // pdf-lib's 14 standard fonts' metrics (127 KB, inflated when loaded): the engine draws text as outlines.
  '@pdf-lib/standard-fonts': `export const FontNames = ${JSON.stringify(
    Object.fromEntries([
      ['Courier', 'Courier'],
      ['CourierBold', 'Courier-Bold'],
      ['CourierOblique', 'Courier-Oblique'],
      ['CourierBoldOblique', 'Courier-BoldOblique'],
      ['Helvetica', 'Helvetica'],
      ['HelveticaBold', 'Helvetica-Bold'],
      ['HelveticaOblique', 'Helvetica-Oblique'],
      ['HelveticaBoldOblique', 'Helvetica-BoldOblique'],
      ['TimesRoman', 'Times-Roman'],
      ['TimesRomanBold', 'Times-Bold'],
      ['TimesRomanItalic', 'Times-Italic'],
      ['TimesRomanBoldItalic', 'Times-BoldItalic'],
      ['Symbol', 'Symbol'],
      ['ZapfDingbats', 'ZapfDingbats'],
    ]),
  )};
export const Encodings = {};
export const Font = { load() { throw new Error("Standard PDF fonts are not in the customiser: text is drawn as outlines."); } };`,
  // pdf-lib's PNG decoder: the engine embeds no image.
  '@pdf-lib/upng':
    'export default { decode() { throw new Error("PNG images are not embedded by the customiser."); }, toRGBA8() { throw new Error("PNG images are not embedded by the customiser."); } };',
};
/**
 * Modules replaced in browser bundles by code made at build time: fontkit's Unicode data by
 * the four lookups it makes, as range tables (`src/build/print/unicode-properties-shim.ts`).
 */
const BROWSER_GENERATED: Record<string, () => string> = {
  'unicode-properties': unicodePropertiesShim,
};
const STUB_PREFIX = '\0campaign:stub:';

/** fontkit's browser bundle, as the customiser's worker imports it. */
const FONTKIT_BROWSER = /\/fontkit\/dist\/browser-module\.mjs$/;

/**
 * `code` without the module-level statements that would keep the classes of `modules` (parcel's
 * module ids) in the bundle though nothing uses them: their static fields and `@cache`
 * decorators (calls the bundler must keep, as they could have side effects), and the data
 * they take apart at module level.
 */
function dropModuleStatements(code: string, modules: ReadonlySet<string>): string {
  const owner = (id: string) => /^\$(\w+?)\$/.exec(id)?.[1] ?? '';
  return code
    .replace(/^\(0, \$6uUbQ\$_\)\((\$[\w$]+), "\w+", [^\n]*\);$/gm, (line, id: string) =>
      modules.has(owner(id)) ? '' : line,
    )
    .replace(/^\(0, \$6uUbQ\$_1\)\(\[[^\]]*\], (\$[\w$]+)\.prototype, "\w+", null\);$/gm, (line, id: string) =>
      modules.has(owner(id)) ? '' : line,
    )
    .replace(
      /^const \{ ([^}\n]*) \} = \(0, \(\/\*@__PURE__\*\/\$parcel\$interopDefault\(\$\w+\$exports\)\)\);$/gm,
      (line, names: string) =>
        modules.has(owner(/\$[\w$]+/.exec(names)?.[0] ?? '')) ? `const { ${names} } = {};` : line,
    );
}

/**
 * fontkit's browser bundle with only its default shaper, which sets Latin (Vietnamese
 * included), Greek and Cyrillic: the complex-script shapers (Arabic, Hangul, Indic,
 * Khmer, the Universal Shaping Engine) and their Unicode tables and state machines are
 * about 40 KB of the worker's download, gzip, for scripts the print fonts do not hold
 * (a character outside them is reported as missing, never laid out). The script's
 * shaper table is pointed at the default shaper; the tables only those shapers read
 * are then left unbuilt, so the bundler drops the shapers with them. Node code keeps
 * the whole fontkit. Throws when the bundle's shape is not the one expected (another
 * fontkit version): the stub must then be looked at again.
 */
export function trimFontkitShapers(code: string): string {
  const table = /const (\$\w+\$var\$SHAPERS) = \{([\s\S]*?)\n\};/.exec(code);
  const fallback = table && /DFLT: \(0, (\$[\w$]+)\s*(?:\/\/[^\n]*)?\n?\s*\)/.exec(table[2]!);
  if (!table || !fallback) throw new Error("trimFontkitShapers: no shaper table in fontkit's bundle");
  const defaultShaper = fallback[1]!;
  const removed = new Set<string>();
  const entries = table[2]!.replace(/\(0, (\$(\w+?)\$export\$\w+)\)/g, (ref, id: string, module: string) => {
    if (id === defaultShaper) return ref;
    removed.add(module);
    return `(0, ${defaultShaper})`;
  });
  if (removed.size === 0) throw new Error("trimFontkitShapers: no complex-script shaper in fontkit's table");
  let trimmed = code.replace(table[0], `const ${table[1]} = {${entries}\n};`);
  // The removed shapers' module-level tables (Unicode tries, state machines): not built.
  let unbuilt = 0;
  trimmed = trimmed.replace(
    /^const \$(\w+?)\$var\$(\w+) = new \(0, \$\w+\$(?:unicodetrie|dfa)\)\(.*\);$/gm,
    (line, module: string, name: string) => {
      if (!removed.has(module)) return line;
      unbuilt++;
      return `const $${module}$var$${name} = null;`;
    },
  );
  trimmed = dropModuleStatements(trimmed, removed);
  // The JSON data only those tables read.
  trimmed = trimmed.replace(/^(\$\w+\$exports) = JSON\.parse\(".*"\);$/gm, (line, name: string) =>
    trimmed.split(name).length > 3 ? line : `${name} = null;`,
  );
  if (unbuilt === 0) throw new Error("trimFontkitShapers: the shapers' tables were not found in fontkit's bundle");
  return trimmed;
}

/** The font tables fontkit can read in the browser: those of TrueType fonts with OpenType layout. */
export const BROWSER_FONT_TABLES: readonly string[] = [
  'cmap',
  'head',
  'hhea',
  'hmtx',
  'maxp',
  'name',
  'OS/2',
  'post',
  'loca',
  'glyf',
  'GDEF',
  'GPOS',
  'GSUB',
  'kern',
  'gasp',
];

/** `code` with `from` replaced once; throws when `from` is not there exactly once. */
function replaceOnce(code: string, from: RegExp, to: string, what: string): string {
  const found = code.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`));
  if (found?.length !== 1)
    throw new Error(`trimFontkitFormats: ${what} found ${found?.length ?? 0} times in fontkit's bundle`);
  return code.replace(from, to);
}

/**
 * `code` without the module-level classes nothing refers to, again until none is left (the
 * formats, subsetters and layout engines left unreferenced), so that the packages only they
 * import can be seen unused and left out. Parcel writes each class at the start of a line,
 * its body indented, and its closing brace alone on a line.
 */
function dropUnreferencedClasses(code: string): string {
  let result = code;
  for (let changed = true; changed;) {
    changed = false;
    result = result.replace(/^class (\$[\w$]+)(?: extends [^{\n]+)? \{\n[\s\S]*?\n\}\n/gm, (block, id: string) => {
      const name = new RegExp(`${id.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      // Used outside its own body: kept.
      if ((result.match(name)?.length ?? 0) > (block.match(name)?.length ?? 0)) return block;
      changed = true;
      return '';
    });
  }
  return result;
}

/**
 * fontkit's browser bundle for TrueType fonts only, as the customiser fetches them
 * (`fonts/in-an/`, TTF with OpenType layout): the other formats (WOFF, WOFF2, collections,
 * DFont), CFF outlines, bitmap and colour glyphs, AAT layout (`morx`), variations and
 * subsetting are unreferenced, and the tables only they read left out of fontkit's table
 * list, so that the bundler drops them (the restructure types fontkit builds its tables
 * from are marked pure for that). What the customiser's fonts use runs the same code as
 * in Node. A font with a table outside `BROWSER_FONT_TABLES` could not be read (the
 * customiser would say it failed); tests/unit/print/customiser-fonts.test.ts checks the
 * fonts the build cuts. Throws when the bundle's shape is not the one expected.
 */
export function trimFontkitFormats(code: string): string {
  let trimmed = code;
  // Formats: only the first registered, TrueType's.
  const registrations = [...code.matchAll(/^\(0, (\$[\w$]+)\)\(\(0, (\$[\w$]+)\)\);$/gm)];
  const ttf = registrations[0]?.[2];
  const ttfClass = ttf
    ? code.slice(code.indexOf(`class ${ttf} {`), code.indexOf('\nclass ', code.indexOf(`class ${ttf} {`) + 1))
    : '';
  if (registrations.length !== 5 || !ttfClass.includes(`"type", 'TTF'`))
    throw new Error("trimFontkitFormats: fontkit's format registrations are not the ones expected");
  for (const registration of registrations.slice(1)) trimmed = trimmed.replace(registration[0], '');
  // Tables: only those of TrueType fonts with OpenType layout.
  let tables = 0;
  trimmed = trimmed.replace(
    /^(\$[\w$]+\$var\$tables)(?:\.([\w]+)|\['([^']+)'\]) = [^;]+;$/gm,
    (line, _name: string, dotted?: string, quoted?: string) => {
      tables++;
      return BROWSER_FONT_TABLES.includes((dotted ?? quoted)!) ? line : '';
    },
  );
  if (tables < 30) throw new Error("trimFontkitFormats: fontkit's table list was not found");
  // Glyphs: TrueType outlines only.
  trimmed = replaceOnce(
    trimmed,
    /\n\s*else if \(this\.directory\.tables\['CFF '\] \|\| this\.directory\.tables\.CFF2\) this\._glyphs\[glyph\] = new \(0, \$[\w$]+\)\(glyph, characters, this\);/,
    '',
    'the CFF glyph',
  );
  trimmed = replaceOnce(
    trimmed,
    /if \(this\.directory\.tables\.sbix\) this\._glyphs\[glyph\] = new \(0, \$[\w$]+\)\(glyph, characters, this\);\s*else if \(this\.directory\.tables\.COLR && this\.directory\.tables\.CPAL\) this\._glyphs\[glyph\] = new \(0, \$[\w$]+\)\(glyph, characters, this\);\s*else this\._getBaseGlyph\(glyph, characters\);/,
    'this._getBaseGlyph(glyph, characters);',
    'the bitmap and colour glyphs',
  );
  // Subsetting, variations, AAT layout.
  trimmed = replaceOnce(
    trimmed,
    /createSubset\(\) \{[^}]*\}/,
    "createSubset() {\n        throw new Error('fontkit: no subsetting in the customiser');\n    }",
    'createSubset',
  );
  trimmed = replaceOnce(
    trimmed,
    /return new \(0, \$[\w$]+\)\(this, variationCoords\);/,
    'return null;',
    'the variation processor',
  );
  const morx = /this\.morxProcessor = new \(0, \$(\w+?)\$export\$\w+\)\(font\);/.exec(trimmed)?.[1];
  if (!morx) throw new Error("trimFontkitFormats: fontkit's AAT processor was not found");
  trimmed = dropModuleStatements(trimmed, new Set([morx]));
  trimmed = replaceOnce(
    trimmed,
    /if \(this\.font\.morx\) this\.engine = new \(0, \$[\w$]+\)\(this\.font\);\s*else if/,
    'if',
    'the AAT layout engine',
  );
  // restructure's types have no side effects: unreferenced tables can go.
  trimmed = dropUnreferencedClasses(trimmed);
  // Packages nothing uses any more (unicode-trie, tiny-inflate, clone): an import would keep
  // them in the bundle (CommonJS modules may have side effects).
  const source = trimmed;
  trimmed = trimmed.replace(/^import (\$6uUbQ\$\w+) from "[^"]+";\n/gm, (line, name: string) =>
    (source.match(new RegExp(`\\${name}(?![\\w$])`, 'g'))?.length ?? 0) > 1 ? line : '',
  );
  return trimmed.replace(/\bnew (\$6uUbQ\$[\w$]+|\(0, \$6uUbQ\$[\w$]+\))\(/g, '/* @__PURE__ */ new $1(');
}

/** Cache folder, under the project root (ignored by git; CI starts without it). */
export const PRINT_CACHE_DIR = '.cache/print-files';

/** Timings of the last run, for `npm run bench`. */
export const LAST_RUN_FILE = 'last-run.json';

/**
 * The print step's thread (`print-step.ts`), started once: it makes or finds the files at
 * once, and places them when `place` is called. A failure in the thread rejects both.
 */
class PrintStep {
  readonly generated: Promise<PrintStepResult>;
  private readonly worker: Worker;
  private readonly waiting = new Set<{ resolve?: (placed: Placed) => void; reject: (error: unknown) => void }>();
  private placed: Promise<Placed> | undefined;

  constructor(input: PrintStepInput, logger: AstroIntegrationLogger) {
    this.worker = new Worker(new URL('./print-step-worker.mjs', import.meta.url), { workerData: { printStep: input } });
    this.generated = new Promise<PrintStepResult>((resolve, reject) => {
      this.waiting.add({ reject });
      this.worker.on('message', (message: PrintStepMessage) => {
        if (message.type === 'log') logger.info(message.message);
        else if (message.type === 'generated') resolve(message.result);
        else for (const waiter of this.waiting) waiter.resolve?.(message.placed);
      });
    });
    // Awaited where it is needed; a failure is reported there, not as an unhandled rejection.
    // Once the files are made the idle thread no longer keeps the process alive (`astro dev`
    // never asks it to place them); `place` holds it again until they are placed.
    this.generated.then(
      () => {
        if (!this.placed) this.worker.unref();
      },
      () => {},
    );
    const fail = (error: unknown) => {
      for (const waiter of this.waiting) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) =>
      fail(new Error(`print files: the print step's thread ended early (exit code ${code})`)),
    );
  }

  /** Places the files into `outDir` (once Astro has emptied it), then ends the thread. */
  place(outDir: string): Promise<Placed> {
    this.placed ??= new Promise<Placed>((resolve, reject) => {
      this.waiting.add({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ type: 'place', outDir } satisfies PrintStepRequest);
    });
    return this.placed;
  }
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Generates the print files (`src/build/print-files/`) in a thread of their own, from the
 * moment `astro build` reads the config (`print-step.ts`); gives pages the manifest as
 * `virtual:campaign/print-manifest`; serves the files in `astro dev`; and places them into
 * `dist/` while Astro bundles and renders (once it has emptied the folder).
 */
export function printFiles(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let base = '/';
  let outDir = '';
  let running: PrintStep | undefined;

  /** The print step, started at the first call. */
  const step = (logger: AstroIntegrationLogger): PrintStep => {
    if (running) return running;
    const content = loadContent(contentDirOf(root), root);
    const { actionMonth, theme, publishing } = campaignOf(content);
    running = new PrintStep(
      {
        root,
        cacheDir,
        slogans: content.slogans.map(({ id, order, text }) => ({ id, order, text })),
        campaign: { actionMonth, theme, publishing },
        helpLines: content.helpLines,
      },
      logger,
    );
    running.generated.then(
      ({ manifest, stats, seconds }) =>
        logger.info(
          `${manifest.files.length} files (${stats.rendered} rendered, ${stats.reused} from cache), ` +
            `${manifest.bundles.length} ZIP bundles (${stats.bundlesBuilt} built, ${stats.bundlesReused} from cache) ` +
            `in ${seconds.toFixed(1)} s`,
        ),
      // Reported where the files are awaited (the manifest's module, the end of the build).
      () => {},
    );
    return running;
  };

  const manifestPlugin = (logger: AstroIntegrationLogger): VitePlugin => ({
    name: 'campaign:print-manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? RESOLVED_MANIFEST_MODULE : null),
    async load(id) {
      if (id !== RESOLVED_MANIFEST_MODULE) return null;
      const { manifest } = await step(logger).generated;
      // A string for JSON.parse, not an object literal: about 1 MB that the server bundle's
      // parser and Node would otherwise read as code (JSON.parse reads it several times faster).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(manifest))});`;
    },
  });

  /**
   * The customiser's bundles (the page's script and its worker, `src/components/customiser/`)
   * leave out what it never uses (`BROWSER_STUBS`): fontkit's WOFF2 decoder (it fetches TTF
   * fonts), and pdf-lib's standard fonts and PNG decoder; about 60 KB of fontkit's and 100 KB
   * of pdf-lib's download, gzip; and get fontkit's Unicode data as range tables of the four
   * lookups it makes (`BROWSER_GENERATED`; 13 KB gzip less). Node code keeps the real modules.
   */
  const stubs = (): VitePlugin => ({
    name: 'campaign:customiser-bundle',
    enforce: 'pre',
    resolveId: (id) => (id in BROWSER_STUBS || id in BROWSER_GENERATED ? `${STUB_PREFIX}${id}` : null),
    load: (id) => {
      if (!id.startsWith(STUB_PREFIX)) return null;
      const name = id.slice(STUB_PREFIX.length);
      return BROWSER_STUBS[name] ?? BROWSER_GENERATED[name]!();
    },
    transform: (code, id) =>
      FONTKIT_BROWSER.test(id) ? { code: trimFontkitFormats(trimFontkitShapers(code)), map: null } : null,
  });
  const customiserBundlePlugin: VitePlugin = {
    ...stubs(),
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
  };

  return {
    name: 'campaign:print-files',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        cacheDir = join(root, PRINT_CACHE_DIR);
        updateConfig({
          vite: { plugins: [manifestPlugin(logger), customiserBundlePlugin], worker: { plugins: () => [stubs()] } },
        });
        // At once: the step runs beside Astro's content sync and bundling.
        if (command === 'build') step(logger);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
      },
      // Astro empties dist/ before it bundles, then calls this hook: the files go in while it bundles.
      'astro:build:setup': ({ logger }) => {
        void step(logger)
          .place(outDir)
          .catch(() => {});
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Also run by the Vite server of `astro build`'s content sync when NODE_ENV is not
        // "production" (tests): the thread must then still place the files afterwards.
        const result = await step(logger).generated;
        const files = new Map(result.siteFiles.map((file) => [file.path, file.from]));
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
          const from = path.startsWith(server.config.base)
            ? files.get(path.slice(server.config.base.length))
            : undefined;
          if (!from || !existsSync(from)) return next();
          res.writeHead(200, {
            'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
            'Content-Length': statSync(from).size,
          });
          createReadStream(from).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (resolve(fileURLToPath(dir)) !== resolve(outDir))
          throw new Error(`print files: placed in ${outDir}, but the site is in ${dir}`);
        const running = step(logger);
        const result = await running.generated;
        const placed = await running.place(outDir);
        logger.info(`placed ${placed.count} print files and fonts in ${outDir} in ${placed.seconds.toFixed(1)} s`);
        // Placed before Astro rendered the pages: had it emptied dist/ since (another Astro),
        // the first and the last file placed would be gone.
        const missing = [result.siteFiles[0], result.siteFiles.at(-1)].filter(
          (file) => file && !existsSync(join(outDir, file.path)),
        );
        if (missing.length) throw new Error(`print files: ${missing[0]!.path} is missing from ${outDir}`);
        // The customiser's engine and fonts, asked for as soon as its page's head is read.
        const preloaded = await addCustomiserPreloads(outDir, base, builtPages(assets));
        logger.info(`customiser preload hints in ${preloaded.join(', ') || 'no page'}`);
        await writeFile(
          join(cacheDir, LAST_RUN_FILE),
          JSON.stringify(
            {
              ...result.stats,
              generationSeconds: result.seconds,
              copySeconds: placed.seconds,
              printStepSeconds: result.seconds + placed.seconds,
            },
            null,
            1,
          ),
        );
      },
    },
  };
}
