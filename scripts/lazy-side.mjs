// The build's one seam between what a passing assertion needs and what only a failure or a body needs
// (decisions/0009-lazy-core.md). Importing a module costs about its size in parse time, so the modules of the
// lazy side (the message pipeline, body reading, the status registry's texts) go to their own file,
// dist/lazy-side.{js,cjs}. Imported from the rest of src/, each becomes a stub of the same functions that loads that
// file, synchronously, on its first call. The source is unchanged: vitest runs the tests on src/ with plain imports.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

// The body matchers and what only they use (they read a body, so their first call loads the lazy side anyway).
const BODY_MATCHERS = [
  'matchers/to-be-problem-details.ts',
  'matchers/to-have-graphql-data.ts',
  'matchers/to-have-graphql-errors.ts',
  'matchers/to-have-json-body.ts',
  'matchers/to-have-text-body.ts',
  'matchers/to-match-json-body.ts',
  'matchers/to-match-response.ts',
  'matchers/to-match-schema.ts',
  'expectations/graphql.ts',
  'expectations/problem-details.ts',
  'expectations/response.ts',
  'expectations/standard-schema.ts',
  // Only a usage error names the likely mistake in what was received.
  'adapters/mistakes.ts',
];

/** The lazy side: a passing sync assertion calls none of these. */
export const LAZY_FILES = [
  ...BODY_MATCHERS.map((f) => join(SRC, f)),
  ...readdirSync(join(SRC, 'message')).map((f) => join(SRC, 'message', f)),
  // The media-type parser stays: toHaveContentType and got's charset read it on the pass path.
  ...readdirSync(join(SRC, 'body'))
    .filter((f) => f !== 'media-type.ts')
    .map((f) => join(SRC, 'body', f)),
  join(SRC, 'registry', 'index.ts'),
  join(SRC, 'registry', 'statuses.ts'),
].filter((f) => f.endsWith('.ts'));

const lazy = new Set(LAZY_FILES);
const ENTRY = join(SRC, 'lazy-side.ts');
const LOADER = 'lazy-side:loader';
const keyOf = (file) => relative(SRC, file).replace(/\.ts$/, '').replace(/\W/g, '_');

// Loaded outside this module graph (vitest's vm pools, an inlined dependency), the lazy side brings its own copy of
// the core: that copy then reads this one's config, so configure() (redaction included) still holds for its messages.
const FOLLOW = `function follow(loaded) {
  if (loaded.config.getConfig !== getConfig) loaded.config.followConfig(getConfig);
  return loaded;
}
`;

// How each format loads the file: CJS requires it; ESM requires it through Node's require(esm) where Node has it
// (process.features.require_module: 20.19+, 22.12+, which vite 7+ and so vitest 4+ need), the same module instance an
// import would give. Elsewhere (a browser, an older Node) it is imported at once, long before any test runs.
const LOADERS = {
  cjs: `import { getConfig } from './config.js';
let side;
export function lazySide() {
  if (side === undefined) side = follow(require('./lazy-side.cjs'));
  return side;
}
${FOLLOW}`,
  esm: `import { getConfig } from './config.js';
let side;
const nodeModule = globalThis.process?.features?.require_module ? globalThis.process.getBuiltinModule?.('module') : undefined;
const load = nodeModule?.createRequire ? () => nodeModule.createRequire(import.meta.url)('./lazy-side.js') : undefined;
if (load === undefined) import('./lazy-side.js').then((loaded) => { side ??= loaded; });
export function lazySide() {
  if (side === undefined) {
    if (load === undefined) throw new Error('expect-http: a failure message was needed before its module finished loading (no synchronous require here). Assert after the setup file has loaded.');
    side = follow(load());
  }
  return side;
}
${FOLLOW}`,
};

/** A stub with the module's function exports, each calling the real one with its `this`; re-exports are kept. */
function stubOf(file) {
  const source = readFileSync(file, 'utf8');
  const key = keyOf(file);
  const lines = [`import { lazySide } from '${LOADER}';`];
  for (const [, name] of source.matchAll(/^export (?:async )?function (\w+)/gm))
    lines.push(`export function ${name}(...args) { return lazySide().${key}.${name}.apply(this, args); }`);
  for (const [reexport] of source.matchAll(/^export \{[^}]*\} from '[^']+';$/gm)) lines.push(reexport);
  return lines.join('\n');
}

export function lazySidePlugin() {
  return {
    name: 'lazy-side',
    setup(build) {
      // tsup builds CJS with splitting as ESM and converts it afterwards: the output extension tells the two apart.
      const format = build.initialOptions.outExtension?.['.js'] === '.cjs' ? 'cjs' : 'esm';
      build.onResolve({ filter: /^lazy-side:/ }, (args) => ({ path: args.path, namespace: 'lazy-side' }));
      // The loader's own file, as it will sit next to the chunks in dist/.
      build.onResolve({ filter: /^\.\/lazy-side\.c?js$/ }, (args) => ({ path: args.path, external: true }));
      build.onResolve({ filter: /^\./ }, (args) => {
        if (lazy.has(args.importer) || args.importer === ENTRY) return undefined;
        const file = join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        // Named relative to the repository: the name shows in dist/ as a comment.
        return lazy.has(file) ? { path: relative(ROOT, file), namespace: 'lazy-stub' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-stub' }, (args) => ({
        contents: stubOf(join(ROOT, args.path)),
        resolveDir: dirname(join(ROOT, args.path)),
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-side' }, () => ({
        contents: LOADERS[format],
        resolveDir: SRC,
        loader: 'js',
      }));
      build.onLoad({ filter: /lazy-side\.ts$/ }, (args) => {
        if (args.path !== ENTRY) return undefined;
        const contents = [...LAZY_FILES, join(SRC, 'config.ts')]
          .map((f) => `export * as ${keyOf(f)} from './${relative(SRC, f)}';`)
          .join('\n');
        return { contents, resolveDir: SRC, loader: 'ts' };
      });
    },
  };
}
