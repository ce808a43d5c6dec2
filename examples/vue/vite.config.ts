// `FORMOSA_API=http://127.0.0.1:8080 npx vite build examples/vue`: the SFC's template compiled at build time (the
// runtime has no template compiler, so no eval under the page's policy), <formosa-*> left to the browser.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The agency API's origin: import.meta.env.FORMOSA_API in the code, %FORMOSA_API% in index.html.
process.env['FORMOSA_API'] ??= 'http://127.0.0.1:8080';

export default defineConfig({
  envPrefix: 'FORMOSA_',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('formosa-') } } })],
  build: { target: 'es2022' },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
