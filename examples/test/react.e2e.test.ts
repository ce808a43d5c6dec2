// The React 19 host (examples/react) in Chromium: built with esbuild, on its own origin, embedding the rent subsidy
// from the reference server on another; see host-app.ts for what is checked.
import { buildReactHost } from '../react/build.js';
import { hostAppTests } from './host-app.js';

hostAppTests('React', 'examples/react/tsconfig.json', buildReactHost);
