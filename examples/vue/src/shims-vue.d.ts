// tsc reads no .vue file (vue-tsc would): an SFC is typed as some component. Its script part, app.ts, is checked.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
