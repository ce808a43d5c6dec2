// The browser bundles: dist/formosa.min.js (one classic <script>, registers the elements, exposes window.Formosa)
// and dist/formosa.js (the same as one ES module). Sizes are printed and checked by scripts/size.ts.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const plugins = (minify) => [
  // Resolve workspace packages to their TypeScript sources, and the browser builds of dependencies.
  nodeResolve({ exportConditions: ['formosa-source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', loaders: { '.json': 'json' }, define: { 'process.env.NODE_ENV': '"production"' } }),
  ...(minify ? [terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })] : []),
];

const onwarn = (warning, warn) => {
  // `import(validatorUrl)` is meant to stay a run-time import.
  if (warning.code === 'UNRESOLVED_IMPORT' || (warning.code === 'EVAL' && false)) throw new Error(warning.message);
  warn(warning);
};

export default [
  {
    input: 'packages/elements/src/formosa.ts',
    output: { file: 'dist/formosa.min.js', format: 'iife', name: 'Formosa', sourcemap: true },
    plugins: plugins(true),
    onwarn,
  },
  {
    input: 'packages/elements/src/formosa.ts',
    output: { file: 'dist/formosa.js', format: 'es', sourcemap: true },
    plugins: plugins(true),
    onwarn,
  },
];
