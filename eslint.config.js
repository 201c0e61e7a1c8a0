// @ts-check
/**
 * Lint for the whole project: ESLint's and typescript-eslint's recommended rules,
 * eslint-plugin-astro for .astro files, and the Node/browser boundary (see src/README.md).
 * `npm run lint` must end with no problems at all (`--max-warnings 0`).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that may end up in a browser bundle. */
export const BROWSER_FILES = [
  'src/components/**/*.ts',
  'src/shared/**/*.ts',
  'src/i18n/**/*.ts',
  // the <script> of an .astro file, which eslint-plugin-astro lints as a virtual file
  'src/**/*.astro/*.ts',
  'src/**/*.astro/*.js',
];

/**
 * The rule that keeps Node-only code out of browser code.
 * @type {import('eslint').Linter.RulesRecord}
 */
export const boundaryRule = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'sharp', message: 'sharp is Node-only: browser code may not import it.' },
        {
          name: 'fontkit',
          message:
            "fontkit runs at build time only: browser code reads the build's font models (src/shared/print/font-model.ts).",
        },
        ...builtinModules.map((name) => ({
          name,
          message: `"${name}" is a Node built-in: browser code may not import it.`,
        })),
      ],
      patterns: [
        { group: ['node:*'], message: 'Node built-ins are Node-only: browser code may not import them.' },
        {
          group: ['**/build/**', '**/build', 'sharp/*'],
          message: 'src/build/ is Node-only: browser code may import src/shared/, src/i18n/ and its own folder.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['dist/', '.astro/', '.cache/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A relative import names its file (`./load.ts`, `./schemas/index.ts`): Node then loads
      // astro.config.mjs and the build code by itself (type stripping), not through Vite, which
      // saves about 2 s of every build. JSON imports say `with { type: 'json' }`.
      'no-restricted-syntax': [
        'error',
        ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map((node) => ({
          selector: `${node} > Literal.source[value=/^\\.\\.?\\/(?!.*\\.(ts|mjs|js|json|astro|css|svg|png|yaml|txt|woff2?)(\\?.*)?$)/]`,
          message: 'Name the file of a relative import, with its extension (./file.ts, ./folder/index.ts).',
        })),
      ],
    },
  },
  {
    name: 'browser globals',
    // page.evaluate() callbacks in the bench and the end-to-end tests run in the page
    files: [
      'src/components/**/*.ts',
      'src/**/*.astro/*.ts',
      'src/**/*.astro/*.js',
      'scripts/bench.mjs',
      'scripts/bench/**',
      'tests/e2e/**',
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  { name: 'node-browser boundary', files: BROWSER_FILES, rules: boundaryRule },
  {
    name: 'pages render without the print engine',
    // A page's frontmatter runs in the build's server bundle: the engine's index also exports
    // pdfx.ts, and its pdf-lib import made every build load pdf-lib to render pages.
    files: ['src/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/print/index.ts'],
              message: "Import from the engine's module itself (formats.ts, schemes.ts…), not its index.",
            },
          ],
        },
      ],
    },
  },
  {
    // Its entry point loads svgo, css-tree and csso: about 0.15 s of every build, for an SVG
    // optimiser the site does not use (brandFontProvider in src/build/fonts/brand-font.ts).
    name: 'the build config does not load astro/config',
    files: ['astro.config.mjs', 'site.config.mjs', 'src/build/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro/config',
              message: 'It loads svgo on every build: write the config as a plain object (@type AstroUserConfig).',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'shared code uses neither Node nor DOM globals',
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', 'document', 'window', 'navigator', 'localStorage'].map(
          (name) => ({ name, message: `src/shared/ runs in Node and in the browser: "${name}" exists in only one.` }),
        ),
      ],
    },
  },
);
