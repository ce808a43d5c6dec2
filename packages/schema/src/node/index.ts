export { ajvOptions, createAjv, compileStandaloneValidator } from './compile.js';
