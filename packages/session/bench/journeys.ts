/**
 * `npm run faults`: randomized fault injection against the real reference server — citizens filling in and sending
 * a form through 503s, time-outs, connections dropped before and after the agency stored the request, requests that
 * reach it twice, reloads, crashes (also mid-request), offline spells, second tabs and answers changed after an
 * attempt of unknown outcome — each journey judged against the server's SQLite (0 lost, 0 duplicated).
 *
 * JOURNEYS (default 1,000), SEED (replay a run), ONLY=n,m (replay some of its journeys), CONCURRENCY (default 8),
 * TIMEOUT (the pages' request time-out, ms).
 * Prints the figures and the failing journeys' traces, writes .bench/journeys.json, and exits non-zero on any
 * lost or duplicated submission, receipt shown but not held, or journey that never got its receipt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startAgency } from '../test/harness.js';
import { describeFailure, runJourneys, seedFrom, summarize } from '../test/journeys.js';

const env = process.env;
const seed = seedFrom(env['SEED']);
const journeys = Number(env['JOURNEYS'] ?? 1000);
const only = env['ONLY'] ? env['ONLY'].split(',').map(Number) : undefined;
console.log(`fault injection: seed ${seed} (SEED=${seed} to replay), ${only ? `journeys ${only.join(', ')}` : `${journeys} journeys`}`);

const agency = await startAgency();
const report = await runJourneys(agency, {
  seed, journeys,
  ...(only ? { only } : {}),
  ...(env['CONCURRENCY'] ? { concurrency: Number(env['CONCURRENCY']) } : {}),
  ...(env['TIMEOUT'] ? { timeout: Number(env['TIMEOUT']) } : {}),
  log: (line) => console.log(line),
});
await agency.close();

const SHOWN = 10;
for (const failure of report.failures.slice(0, SHOWN)) console.log(`\n${describeFailure(failure)}`);
if (report.failures.length > SHOWN) console.log(`\n…and ${report.failures.length - SHOWN} more failing journeys, with their traces, in .bench/journeys.json`);
console.log(`\n${summarize(report)}`);
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/journeys.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, ...report }, null, 2) + '\n');
console.log('written to .bench/journeys.json');
process.exit(report.lost + report.duplicated + report.phantomReceipts + report.stuck + report.errors > 0 ? 1 : 0);
