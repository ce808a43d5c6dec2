/**
 * Taiwan's lists themselves (≈5 KB gzip): counties and cities with their districts and postal codes (Chunghwa Post
 * open data), and banks with their institution codes (Central Bank list). Node installs them when the engine
 * loads (node.ts); a browser loads them only for a form that asks for them (dist/chunks/taiwan.js).
 */
import areas from './data/tw-areas.json' with { type: 'json' };
import banks from './data/tw-banks.json' with { type: 'json' };
import type { TaiwanLists } from './taiwan.js';

export const TAIWAN_LISTS: TaiwanLists = {
  counties: areas.counties as unknown as TaiwanLists['counties'],
  banks: banks.banks as unknown as TaiwanLists['banks'],
};
