/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The agency API's origin, from FORMOSA_API at build time (vite.config.ts). */
  readonly FORMOSA_API: string;
}
