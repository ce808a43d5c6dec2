// Deliveries over 35 simulated hours (issue 12): a fake clock drives the server's worker through tick(), against
// real HTTP endpoints — the agency's, down for 30 hours; another that stays down until it is parked; one on a private
// address the server must refuse. Every event reaches the agency's endpoint once it recovers (exactly once after
// de-duplication by event id), retries follow the schedule, parked deliveries raise an alert, replay resends.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type DeliveryAlert, type DeliveryRecord, type RunningServer } from '@formosa/server';
import { applicationText } from './application.js';
import { newToken, type Scope } from '../src/backoffice/tokens.js';
import { RETRY_WAITS_MS, JITTER } from '../src/deliveries/schedule.js';
import { startReceiver, type Receiver } from './delivery-receiver.js';

const formsDir = new URL('../../../examples/forms', import.meta.url).pathname;
const FORM = 'smoke-alarm-subsidy';
const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-06T00:00:00Z');
const agencyKey = { id: 'agency-2026', secret: 'the agency case system signing secret' };
const otherKey = { id: 'other-2026', secret: 'another endpoint signing secret ...' };

let clock = T0;
const now = () => clock;
let server: RunningServer;
let agency: Receiver, broken: Receiver;
let brokenFixed = false;
const alerts: DeliveryAlert[] = [];
const REFUSED = 'http://127.0.0.1:9/in';

before(async () => {
  // Down for the first 30 hours, then up.
  agency = await startReceiver(agencyKey, (_event, at) => (at < T0 + 30 * HOUR ? 503 : 204), { clock: now });
  broken = await startReceiver(otherKey, () => (brokenFixed ? 200 : 500), { clock: now });
  server = await startServer({
    formsDir,
    database: join(mkdtempSync(join(tmpdir(), 'formosa-deliveries-')), 'db.sqlite'),
    now,
    deliveries: {
      endpoints: [
        { url: agency.url, forms: '*', key: agencyKey, allowPrivate: true, allowHttp: true },
        { url: broken.url, forms: [FORM], key: otherKey, allowPrivate: true, allowHttp: true },
        // Loopback, without allowPrivate: refused at every attempt, never connected to.
        { url: REFUSED, forms: [FORM], key: otherKey, allowHttp: true },
      ],
      intervalMs: 0,
      onAlert: (alert) => alerts.push(alert),
    },
  });
});
after(async () => {
  await server?.close();
  await agency?.close();
  await broken?.close();
});

async function submit(key: string): Promise<string> {
  const res = await fetch(`${server.url}/api/forms/${FORM}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: applicationText(FORM) });
  assert.equal(res.status, 201);
  return `submission:${((await res.json()) as { id: string }).id}`;
}

async function all(state?: DeliveryRecord['state']): Promise<DeliveryRecord[]> {
  return (await server.store.deliveries.list({ ...(state ? { state } : {}), limit: 100 })).deliveries;
}

/** Runs rounds, moving the clock to the next due delivery each time, until none is pending (or `until`). */
async function runRounds(until = Infinity, at?: { time: number; then: () => Promise<void> }): Promise<number> {
  let rounds = 0;
  for (; rounds < 500; rounds++) {
    await server.deliveries!.tick();
    const due = (await all('pending')).map((d) => Date.parse(d.nextAt!));
    if (due.length === 0) break;
    const next = Math.max(clock, Math.min(...due));
    if (at && clock < at.time && next > at.time) {
      clock = at.time;
      await at.then();
      at = undefined;
      continue;
    }
    if (next > until) break;
    clock = next;
  }
  return rounds;
}

async function token(scopes: Scope[]): Promise<string> {
  const { text, stored } = newToken({ holder: '系統管理員', scopes, forms: ['*'] }, new Date());
  await server.store.backoffice.saveToken(stored);
  return text;
}

test('an endpoint down for 30 simulated hours receives every event once it recovers; retries follow the schedule; the spent ones are parked with an alert; replay resends under the same event id', async () => {
  const early = [await submit('clock-1'), await submit('clock-2'), await submit('clock-3')];
  const late: string[] = [];
  const rounds = await runRounds(Infinity, { time: T0 + 29 * HOUR, then: async () => void late.push(await submit('clock-4'), await submit('clock-5')) });
  const events = [...early, ...late];
  console.log(`# ${rounds} rounds over ${((clock - T0) / HOUR).toFixed(1)} simulated hours`);
  assert.deepEqual(agency.forged, [], 'every delivery verified at the receiver');

  // The agency's endpoint: every event kept, each answered 2xx once, only after it recovered.
  assert.deepEqual([...agency.kept()].sort(), [...events].sort());
  for (const id of events) {
    const arrivals = agency.received.filter((r) => r.eventId === id);
    assert.equal(arrivals.filter((r) => r.status < 300).length, 1, `${id}: accepted once`);
    assert.ok(arrivals.every((r) => (r.status < 300) === (r.at >= T0 + 30 * HOUR)), `${id}: refused while down, accepted once up`);
    assert.equal(arrivals[0]!.event.id, id);
    assert.equal(arrivals[0]!.event.type, 'submission.created');
  }

  // The retries' times (from the delivery log): each wait as scheduled, stretched by at most the jitter.
  const delivered = (await all('delivered')).filter((d) => d.endpoint === agency.url);
  assert.equal(delivered.length, events.length);
  for (const d of delivered) {
    const times = d.log.map((a) => Date.parse(a.at)).reverse();
    for (let i = 1; i < times.length; i++) {
      const wait = times[i]! - times[i - 1]!, scheduled = RETRY_WAITS_MS[i - 1]!;
      assert.ok(wait >= scheduled && wait <= Math.ceil(scheduled * (1 + JITTER)), `${d.eventId} retry ${i}: waited ${wait} ms for ${scheduled}`);
    }
    const early_ = early.includes(d.eventId);
    assert.equal(times.length, early_ ? RETRY_WAITS_MS.length + 1 : d.attempts, 'the early ones needed every retry: the last came after 35 hours');
    assert.ok(times.at(-1)! - times[0]! >= (early_ ? 35 * HOUR : 0));
  }

  // The endpoint that stayed down: parked after the whole schedule (≥ 35 h), one alert each; the refused one too.
  const parked = await all('parked');
  assert.deepEqual(parked.filter((d) => d.endpoint === broken.url).map((d) => d.eventId).sort(), [...events].sort());
  for (const d of parked) assert.equal(d.attempts, RETRY_WAITS_MS.length + 1);
  const refused = parked.filter((d) => d.endpoint === REFUSED);
  assert.equal(refused.length, events.length);
  assert.ok(refused.every((d) => d.log.every((a) => /^refused \(private\)/.test(a.error ?? ''))), refused[0]?.log[0]?.error);
  assert.equal(alerts.length, 2 * events.length);
  assert.deepEqual(new Set(alerts.map((a) => a.endpoint)), new Set([broken.url, REFUSED]));

  // Replay, scope admin: refused without a token and with a read token; a parked one goes again when fixed.
  const target = parked.find((d) => d.endpoint === broken.url)!;
  const replay = (id: string, bearer?: string) => fetch(`${server.url}/api/backoffice/deliveries/${id}/replay`, { method: 'POST', headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  assert.equal((await replay(target.id)).status, 401);
  assert.equal((await replay(target.id, `fbo_000000000000_${'x'.repeat(43)}`)).status, 401, 'a token that is no one\'s');
  assert.equal((await replay(target.id, await token(['read']))).status, 403);
  const admin = await token(['admin']);
  brokenFixed = true;
  const answer = await replay(target.id, admin);
  assert.equal(answer.status, 202);
  assert.equal(((await answer.json()) as DeliveryRecord).state, 'pending');
  assert.equal((await replay(target.id, admin)).status, 409, 'queued already');
  assert.equal((await replay('00000000-0000-4000-8000-000000000000', admin)).status, 404);
  await server.deliveries!.tick();
  assert.deepEqual(broken.received.filter((r) => r.status < 300).map((r) => r.eventId), [target.eventId]);

  // A delivered one replayed: the agency gets it twice, and de-duplicating by event id keeps one.
  const again = delivered[0]!;
  assert.equal((await replay(again.id, admin)).status, 202);
  await server.deliveries!.tick();
  assert.equal(agency.received.filter((r) => r.eventId === again.eventId && r.status < 300).length, 2);
  assert.equal(agency.kept().size, events.length);

  // The log, scope admin, by state, bounded.
  const log = await fetch(`${server.url}/api/backoffice/deliveries?state=parked&limit=2`, { headers: { authorization: `Bearer ${admin}` } });
  assert.equal(log.status, 200);
  const page = (await log.json()) as { deliveries: DeliveryRecord[]; next?: number };
  assert.equal(page.deliveries.length, 2);
  assert.ok(page.deliveries.every((d) => d.state === 'parked'));
  assert.equal(typeof page.next, 'number');
  assert.equal((await fetch(`${server.url}/api/backoffice/deliveries`)).status, 401);
  assert.equal((await fetch(`${server.url}/api/backoffice/deliveries`, { headers: { authorization: `Bearer ${await token(['read', 'decide', 'export'])}` } })).status, 403, 'every scope but admin');
  assert.equal((await fetch(`${server.url}/api/backoffice/deliveries?state=lost`, { headers: { authorization: `Bearer ${admin}` } })).status, 400);
  assert.equal((await fetch(`${server.url}/api/backoffice/deliveries?limit=1000`, { headers: { authorization: `Bearer ${admin}` } })).status, 400);
});
