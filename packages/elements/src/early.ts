/** First module of the drop-in bundle: what the page's forms need first is asked for before the elements' code runs. */
import { startEarly } from './components/form/early.js';

startEarly();
