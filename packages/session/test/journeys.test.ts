/**
 * Randomized fault injection inside `npm test` (the 1,000-journey run is `npm run faults`): journeys of citizens
 * sending the permit form through 503s, time-outs, dropped connections, duplicated requests, reloads, crashes,
 * offline spells, second tabs and answers changed after an attempt of unknown outcome, judged against the real
 * server's SQLite. A failing journey prints its seed, plan and trace; `SEED=<seed> ONLY=<n> npm run faults` plays it again.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAgency } from './harness.js';
import { describeFailure, runJourneys, seedFrom, summarize, type JourneyReport } from './journeys.js';

let agency: Awaited<ReturnType<typeof startAgency>>;
before(async () => (agency = await startAgency()));
after(() => agency.close());

const FIXED_SEED = 20_251_207;

function verdict(report: JourneyReport): string {
  return [summarize(report), ...report.failures.slice(0, 5).map(describeFailure)].join('\n');
}

const failures = (r: JourneyReport) => r.lost + r.duplicated + r.phantomReceipts + r.stuck + r.errors;

test('60 journeys through every fault and disruption: 0 lost, 0 duplicated, every receipt shown is held', async (t) => {
  let random = seedFrom(process.env['SEED']);
  if (random === FIXED_SEED) random += 1;
  for (const seed of [FIXED_SEED, random]) {
    const report = await runJourneys(agency, { seed, journeys: 30, patience: 10_000 });
    t.diagnostic(`seed ${seed}: ${report.journeys} journeys, lost ${report.lost}, duplicated ${report.duplicated}, ${Object.values(report.faults).reduce((a, b) => a + b, 0)} proxy faults, ${report.records.corrections} corrections, ${report.wallMs} ms`);
    assert.equal(failures(report), 0, `seed ${seed} (SEED=${seed} to replay):\n${verdict(report)}`);
  }
});
