// The agency API's origin, written into the bundle by build.ts (esbuild's `define`); spelled as Vite spells it.
interface ImportMetaEnv {
  readonly FORMOSA_API: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
