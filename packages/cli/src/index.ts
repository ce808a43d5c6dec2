export { main } from './main.js';
export { startPreview, type PreviewOptions, type RunningPreview } from './preview/server.js';
export { applyTexts, collectTexts, coverage, type TextRow, type ImportProblem } from './translations/texts.js';
export { toCsv, fromCsv } from './translations/csv.js';
export { toXliff, fromXliff } from './translations/xliff.js';
