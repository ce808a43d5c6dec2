// The browser bundles: dist/formosa.min.js (one classic <script>, minified, registers the elements, exposes
// window.Formosa) and dist/formosa.js (the same as one readable ES module). scripts/build.ts prints their sizes;
// examples/test/bundle.test.ts enforces the budget.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { createRequire } from 'node:module';
import { precompilePack } from './scripts/icu.js';

const require = createRequire(import.meta.url);

/** Interface packs are precompiled to ICU ASTs, and the ICU parser is replaced by formatjs' parser-less entry. */
const precompiledMessages = () => ({
  name: 'formosa-precompiled-messages',
  resolveId(source) {
    if (source === '@formatjs/icu-messageformat-parser') return require.resolve('@formatjs/icu-messageformat-parser/no-parser.js');
    return null;
  },
  transform(code, id) {
    if (!/packages\/i18n\/src\/locales\/[\w-]+\.json$/.test(id)) return null;
    return { code: JSON.stringify(precompilePack(JSON.parse(code))), map: null };
  },
});

/**
 * The CSS of Lit's css`` templates ships without its comments, indentation and line breaks (the source map is
 * rewritten with them: see compactTemplates); text inside quotes is left as it is.
 */
export function compactCss(text) {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      // A space is needed between two words (`.a .b`, `1px solid`), not beside braces or semicolons; at either end
      // it may separate the text from an interpolation, so it stays.
      const needed = i === 0 || j === text.length || (!/[{};]/.test(out.at(-1)) && !/[{};]/.test(text[j]));
      out += needed ? ' ' : '';
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The markup of Lit's html`` templates ships without the indentation between tags: every run of whitespace with a
 * line break in it, between a tag (or a binding) and a tag (or a binding), becomes nothing, so a field's template
 * clones about a quarter fewer nodes. Between words it becomes one space; inside a tag, one space; inside quoted
 * attribute values, nothing changes. `quasis` are the template's strings in order (the state carries across bindings).
 */
export function compactHtml(quasis) {
  let inTag = false;
  let quote = '';
  return quasis.map((text) => {
    let out = '';
    for (let i = 0; i < text.length; ) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        out += c;
        i++;
      } else if (inTag && (c === '"' || c === "'")) {
        quote = c;
        out += c;
        i++;
      } else if (/\s/.test(c)) {
        let j = i;
        while (j < text.length && /\s/.test(text[j])) j++;
        const run = text.slice(i, j);
        // What the run lies between: a tag's edge or a binding (the template's start counts as one) on each side.
        const afterEdge = i === 0 || text[i - 1] === '>' || text[i - 1] === '<';
        const beforeEdge = j === text.length || text[j] === '<';
        if (inTag) out += ' ';
        else if (!run.includes('\n')) out += run;
        else if (!(afterEdge && beforeEdge)) out += ' ';
        i = j;
      } else {
        if (!inTag && c === '<' && /[a-zA-Z/!]/.test(text[i + 1] ?? '')) inTag = true;
        else if (inTag && c === '>') inTag = false;
        out += c;
        i++;
      }
    }
    return out;
  });
}

/** Compacts the CSS of css`` and the markup of html`` in the elements' sources (see compactCss, compactHtml). */
const compactTemplates = () => ({
  name: 'formosa-compact-templates',
  transform(code, id) {
    if (!/packages\/elements\/src\/.+\.ts$/.test(id) || !(code.includes('css`') || code.includes('html`'))) return null;
    const styles = [];
    const markup = [];
    const visit = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
        if (node.tag.name === 'css') styles.push(...node.quasi.quasis);
        if (node.tag.name === 'html') markup.push(node.quasi.quasis);
      }
      for (const key of Object.keys(node)) if (key !== 'type' && typeof node[key] === 'object') visit(node[key]);
    };
    visit(this.parse(code));
    const out = new MagicString(code);
    const replace = (q, text) => {
      if (text === code.slice(q.start, q.end)) return;
      // MagicString overwrites with text, and removes what becomes nothing.
      if (text === '') out.remove(q.start, q.end);
      else out.overwrite(q.start, q.end, text);
    };
    for (const q of styles) replace(q, compactCss(code.slice(q.start, q.end)));
    for (const quasis of markup) {
      const compacted = compactHtml(quasis.map((q) => code.slice(q.start, q.end)));
      quasis.forEach((q, i) => replace(q, compacted[i]));
    }
    // The code after a template keeps pointing at its own line of the source.
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

/** `minify`: false, or the output format. An IIFE's top level is the page's: its `var Formosa` must survive. */
const plugins = (minify) => [
  precompiledMessages(),
  // Resolve workspace packages to their TypeScript sources, and the browser builds of dependencies.
  nodeResolve({ exportConditions: ['formosa-source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' }, define: { 'process.env.NODE_ENV': '"production"' } }),
  compactTemplates(),
  ...(minify ? [terser({ ecma: 2022, module: minify === 'es', toplevel: minify === 'es', compress: { passes: 2 }, format: { comments: false } })] : []),
];

/**
 * Parts a citizen needs only at some moment (the receipt's QR encoder) or that load beside the definition (the
 * encrypted store of drafts: idb, Web Crypto) are not in the drop-in bundle: each is its own ES module in
 * dist/chunks/, imported on demand from beside the script that loaded the bundle.
 */
/** Each chunk: the specifier the sources import, its file in dist/chunks/, its entry. */
const CHUNKS = [
  ['uqr', 'qr', 'node_modules/uqr/dist/index.mjs'],
  ['@formosa/storage', 'storage', 'packages/storage/src/index.ts'],
  ['@formosa/engine/taiwan-lists', 'taiwan', 'packages/engine/src/taiwan-lists.ts'],
  ['@formosa/transport/sending', 'sending', 'packages/transport/src/sending.ts'],
  ['@formosa/transport/upload', 'upload', 'packages/transport/src/upload.ts'],
  ['@formosa/session/carry-over', 'carry-over', 'packages/session/src/carry-over.ts'],
  ['@formosa/elements/drafts-list', 'drafts', 'packages/elements/src/components/drafts/drafts-list.ts'],
  ['@formosa/elements/mydata', 'mydata', 'packages/elements/src/components/mydata/mydata-kit.ts'],
  ['@formosa/schema/gate', 'gate', 'packages/schema/src/gate.ts'],
  ['@formosa/elements/analytics', 'analytics', 'packages/elements/src/components/form/analytics.ts'],
  ['@formosa/elements/reopen', 'reopen', 'packages/elements/src/components/reopen/reopen-kit.ts'],
];
const LAZY = Object.fromEntries(CHUNKS.map(([specifier, name]) => [specifier, `chunks/${name}.js`]));
const lazyChunks = () => ({
  name: 'formosa-lazy-chunks',
  resolveDynamicImport(specifier) {
    return typeof specifier === 'string' && LAZY[specifier] ? { id: LAZY[specifier], external: true } : null;
  },
  renderDynamicImport({ targetModuleId }) {
    if (!Object.values(LAZY).includes(targetModuleId)) return null;
    return { left: 'FORMOSA_IMPORT(', right: ')' };
  },
});
/**
 * How the bundle imports a chunk: beside the script, and after a failure under another URL. A browser keeps a failed
 * module fetch for the page's life, so a chunk that did not arrive once (a dropped connection as the first step showed)
 * would fail under its URL until a reload: a Send made later could never load the sending machinery.
 */
const IMPORT = "var FORMOSA_TRIES = {}; function FORMOSA_IMPORT(path) { var tries = FORMOSA_TRIES[path] || 0; return import(new URL(tries ? path + '?attempt=' + tries : path, FORMOSA_BASE).href).catch(function (error) { FORMOSA_TRIES[path] = tries + 1; throw error; }); }";
/** Where the bundle was loaded from: the classic script captures it while it runs (currentScript is set only then). */
const BASE = {
  iife: `var FORMOSA_BASE = typeof document !== 'undefined' && document.currentScript && document.currentScript.src || (typeof location !== 'undefined' ? location.href : ''); ${IMPORT}`,
  es: `const FORMOSA_BASE = import.meta.url; ${IMPORT}`,
};

const onwarn = (warning, warn) => {
  // `import(validatorUrl)` is meant to stay a run-time import.
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
};

export default [
  {
    input: 'packages/elements/src/formosa.ts',
    output: { file: 'dist/formosa.min.js', format: 'iife', name: 'Formosa', sourcemap: true, intro: BASE.iife },
    plugins: [lazyChunks(), ...plugins('iife')],
    onwarn,
  },
  // Each chunk is built on its own, whole: a chunk never imports a shared one, which would cost the page a second
  // round trip (the shared code was a few hundred bytes: `pointer`, `fetching`, `machine`).
  ...CHUNKS.map(([, name, input]) => ({
    input,
    output: { file: `dist/chunks/${name}.js`, format: 'es' },
    plugins: plugins('es'),
    onwarn,
  })),
  // The citizen's status page, <formosa-status>: a bundle of its own (a status page loads no form).
  {
    input: 'packages/elements/src/components/status/define.ts',
    output: { file: 'dist/formosa-status.min.js', format: 'iife', name: 'FormosaStatusPage', sourcemap: true },
    plugins: plugins('iife'),
    onwarn,
  },
  {
    input: 'packages/elements/src/formosa.ts',
    output: { file: 'dist/formosa.js', format: 'es', sourcemap: true, intro: BASE.es },
    plugins: [lazyChunks(), ...plugins(false)],
    onwarn,
  },
];
