/** Entry of the drop-in bundle (dist/formosa.min.js): registers the elements and exposes the API on `window.Formosa`. */
import './define.js';
export * from './index.js';
export { loadDefinition, formatProblem } from '@formosa/schema';
