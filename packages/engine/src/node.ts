/** The engine in Node (the server, the CLI, tests): Taiwan's lists installed at once. Browsers load them on demand. */
import { installTaiwanLists } from './taiwan.js';
import { TAIWAN_LISTS } from './taiwan-lists.js';

installTaiwanLists(TAIWAN_LISTS);

export * from './index.js';
export { TAIWAN_LISTS } from './taiwan-lists.js';
