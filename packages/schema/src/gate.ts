/**
 * The definition gate on its own: what a browser fetches beside a definition (the drop-in bundle loads it on demand,
 * since its meta-schema validator and semantic checks weigh more than everything a first step needs).
 */
export { loadDefinition, type LoadOptions, type LoadResult } from './loader.js';
