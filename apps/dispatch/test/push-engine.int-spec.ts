import { type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { eventually, parsePrometheusText, sumSamples } from '@laowu/testkit';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, match, matchGroup, processed, registerStation, SseClient, type SseEvent, startDispatch, tokens } from './dispatch.fixtures';

/** The v1.1 push engine as dispatch runs it: grouped events on two lanes, push settings, declined pairs. */
describe('dispatch: push engine (MatchesFound, lanes, push settings, declined pairs)', () => {
  let running: TestApp<DispatchConfig>;
  let db: DataSource;
  const events = new Events();

  beforeAll(async () => {
    running = await startDispatch();
    db = running.app.get(DataSource);
  });

  afterAll(async () => {
    await events.close();
    await running?.close();
  });

  const connect = (stationId: string, lastEventId?: string) =>
    SseClient.connect(`${running.url}/v1/stations/${stationId}/stream`, tokens.station(stationId), lastEventId);

  async function listed(stationId: string): Promise<{ matchId: string; score: number; trigger: string; lane: string }[]> {
    const res = await request(running.url).get(`/v1/stations/${stationId}/matches?limit=500`).set('Authorization', tokens.station(stationId)).expect(200);
    return res.body.items;
  }

  /** Publishes and waits until the inbox has processed every event (stored or, by the rules, left out). */
  async function publish(...groups: MatchesFoundData[]): Promise<void> {
    const envelopes = await events.matchesFound(...groups);
    await processed(running, envelopes.map((e) => e.id));
  }

  const matchIds = (received: SseEvent[]) => received.map((e) => JSON.parse(e.data).matchId as string);

  /** What a stream got once everything was processed, after a pause long enough for a stray extra event to show. */
  async function settled(client: SseClient, count: number): Promise<SseEvent[]> {
    await client.waitForMatches(count);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return client.matches;
  }

  it('delivers MatchesFound with trigger and lane in the SSE data and the match list; a legacy MatchFound as instant_job, instant', async () => {
    const stationId = await registerStation(running.url);
    const client = await connect(stationId);
    const crossRegion = { ...matchGroup(stationId, job({ instant: false, kind: 'fulltime' }), { trigger: 'cross_region_job', count: 2 }), weightsVersion: 12 };
    const gig = matchGroup(stationId, job(), { trigger: 'instant_job' });
    const legacy = match(stationId, job());
    await publish(crossRegion, gig);
    await events.matches(legacy);

    const received = new Map((await settled(client, 4)).map((e) => [JSON.parse(e.data).matchId, JSON.parse(e.data)]));
    for (const group of [crossRegion, gig]) {
      for (const m of group.matches) {
        expect(received.get(m.matchId)).toEqual({
          matchId: m.matchId, jobId: group.jobId, workerId: m.workerId, score: m.score, reasons: m.reasons, job: group.job,
          trigger: group.trigger, lane: group.lane, createdAt: group.createdAt,
          // Forwarded when matching sent it; an event from before runtime weights (gig here) has none.
          ...(group === crossRegion ? { weightsVersion: 12 } : {}),
        });
        expect('weightsVersion' in received.get(m.matchId)).toBe(group === crossRegion);
      }
    }
    expect(received.get(legacy.matchId)).toEqual({
      matchId: legacy.matchId, jobId: legacy.jobId, workerId: legacy.workerId, score: legacy.score, reasons: legacy.reasons, job: legacy.job,
      trigger: 'instant_job', lane: 'instant', createdAt: legacy.createdAt,
    });
    expect(received.size).toBe(4);
    client.close();

    const items = new Map((await listed(stationId)).map((m) => [m.matchId, m]));
    expect(items.get(crossRegion.matches[0].matchId)).toMatchObject({ trigger: 'cross_region_job', lane: 'standard' });
    expect(items.get(gig.matches[0].matchId)).toMatchObject({ trigger: 'instant_job', lane: 'instant' });
    expect(items.get(legacy.matchId)).toMatchObject({ trigger: 'instant_job', lane: 'instant' });

    const metrics = (await request(running.url).get('/metrics').expect(200)).text;
    for (const hop of ['dispatch_to_stored', 'stored_to_sse']) {
      for (const lane of ['instant', 'standard']) expect(metrics).toMatch(new RegExp(`laowu_push_hop_seconds_count\\{[^}]*hop="${hop}",lane="${lane}"`));
    }

    // A replay of the same four from the start is not a push: stored → SSE observes nothing more.
    const storedToSse = async () =>
      sumSamples(parsePrometheusText((await request(running.url).get('/metrics').expect(200)).text), 'laowu_push_hop_seconds_count', { hop: 'stored_to_sse' });
    const observedLive = await storedToSse();
    const replay = await connect(stationId, '0');
    expect(await settled(replay, 4)).toHaveLength(4);
    replay.close();
    expect(await storedToSse()).toBe(observedLive);
  });

  it("applies the station's push settings: a trigger turned off, minScore, and maxPerJob across events and per material version", async () => {
    const stationId = await registerStation(running.url);
    await request(running.url)
      .put(`/v1/stations/${stationId}/push-settings`)
      .set('Authorization', tokens.station(stationId))
      .send({ instant: false, crossRegion: true, workerAvailable: true, minScore: 0.5, maxPerJob: 3 })
      .expect(200);
    const client = await connect(stationId);
    const crossJob = job({ instant: false, kind: 'fulltime' });
    const off = matchGroup(stationId, job(), { trigger: 'instant_job', count: 2 });
    const first = matchGroup(stationId, crossJob, { trigger: 'cross_region_job', scores: [0.9, 0.8] });
    const available = matchGroup(stationId, job({ instant: false, kind: 'fulltime' }), { trigger: 'worker_available', scores: [0.95, 0.45, 0.3] });
    await publish(off, first, available);
    // The same job and material version again: the station holds 2 of its 3.
    const second = matchGroup(stationId, crossJob, { trigger: 'cross_region_job', scores: [0.85, 0.7, 0.6] });
    // A new material version counts afresh; the best three of the event are kept (delivered in the event's order).
    const revised = matchGroup(stationId, crossJob, { trigger: 'cross_region_job', jobMaterialVersion: 2, scores: [0.6, 0.9, 0.7, 0.8] });
    await publish(second);
    await publish(revised);

    const expected = [
      ...first.matches, available.matches[0], second.matches[0], ...revised.matches.slice(1),
    ].map((m) => m.matchId);
    const received = await settled(client, expected.length);
    expect(matchIds(received)).toEqual(expected);
    expect(received.every((e) => JSON.parse(e.data).trigger !== 'instant_job')).toBe(true);
    expect((await listed(stationId)).map((m) => m.matchId).sort()).toEqual([...expected].sort());
    client.close();
  });

  it('never stores or pushes a declined (job, worker) pair again, at any station or material version, and publishes the decline', async () => {
    const [stationA, stationB] = [await registerStation(running.url), await registerStation(running.url)];
    const recorder = await TopicRecorder.start([TOPICS.dispatch]);
    try {
      // An agency of this test: the decline is an outcome matching learns per agency (issue 18).
      const jobData = job({ agencyId: `agency-declined-${randomUUID().slice(0, 8)}` });
      const workerId = randomUUID();
      const before = matchGroup(stationA, jobData, { workerIds: [workerId] });
      await publish(before);
      const declinedId = before.matches[0].matchId;
      await request(running.url).post(`/v1/matches/${declinedId}/offer`).set('Authorization', tokens.station(stationA)).expect(200);
      const declined = await request(running.url).post(`/v1/matches/${declinedId}/decline`).set('Authorization', tokens.station(stationA)).expect(200);
      expect(declined.body.status).toBe('declined');

      const published = await recorder.waitFor((messages) => messages.filter((m) => m.key === workerId).length >= 2);
      const changes = published.filter((m) => m.key === workerId).map((m) => JSON.parse(m.value));
      expect(changes.map((c) => [c.type, c.data.status])).toEqual([
        ['dispatch.match-status-changed', 'offered'],
        ['dispatch.match-status-changed', 'declined'],
      ]);
      expect(changes[1].data).toEqual({
        matchId: declinedId, jobId: jobData.jobId, workerId, stationId: stationA, status: 'declined', changedAt: declined.body.statusChangedAt,
      });

      const [clientA, clientB] = [await connect(stationA), await connect(stationB)];
      const revisedA = matchGroup(stationA, jobData, { jobMaterialVersion: 2, workerIds: [workerId, randomUUID()] });
      const revisedB = matchGroup(stationB, jobData, { trigger: 'cross_region_job', jobMaterialVersion: 2, workerIds: [workerId, randomUUID()] });
      expect(revisedA.matches[0].matchId).not.toBe(declinedId);
      await publish(revisedA, revisedB);

      expect(matchIds(await settled(clientA, 1))).toEqual([revisedA.matches[1].matchId]);
      expect(matchIds(await settled(clientB, 1))).toEqual([revisedB.matches[1].matchId]);
      const pairRows: { id: string }[] = await db.query(`SELECT id FROM dispatch.matches WHERE job_id = $1 AND worker_id = $2`, [jobData.jobId, workerId]);
      expect(pairRows.map((r) => r.id)).toEqual([declinedId]);
      clientA.close();
      clientB.close();
    } finally {
      await recorder.stop();
    }
  });

  /**
   * Holds this station's instant-lane delivery transactions open for `ms` after their delivery
   * rows took their ids (a statement trigger that sleeps), so that a standard-lane transaction
   * for the station runs in between: the interleaving in which, without per-station ordering, a
   * stream reads past ids that commit later and never sees them.
   */
  async function stallInstantDeliveries(stationId: string, ms: number): Promise<() => Promise<void>> {
    const name = `"test_stall_${randomUUID().replace(/-/g, '')}"`;
    await db.query(`CREATE FUNCTION dispatch.${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF EXISTS (SELECT 1 FROM inserted WHERE station_id = '${stationId}' AND payload->>'lane' = 'instant') THEN PERFORM pg_sleep(${ms / 1000}); END IF;
        RETURN NULL;
      END $fn$`);
    await db.query(`CREATE TRIGGER ${name} AFTER INSERT ON dispatch.deliveries REFERENCING NEW TABLE AS inserted
      FOR EACH STATEMENT EXECUTE FUNCTION dispatch.${name}()`);
    return async () => {
      await db.query(`DROP TRIGGER ${name} ON dispatch.deliveries`);
      await db.query(`DROP FUNCTION dispatch.${name}()`);
    };
  }

  it('gives a stream connected before every delivery exactly once, ids ascending, when both lanes deliver to the station at once', async () => {
    const stationId = await registerStation(running.url);
    const client = await connect(stationId);
    const all: string[] = [];
    const release = await stallInstantDeliveries(stationId, 1500);
    try {
      for (let round = 0; round < 3; round++) {
        const instant = matchGroup(stationId, job(), { trigger: 'instant_job', count: 50 });
        const standard = matchGroup(stationId, job({ instant: false, kind: 'fulltime' }), { trigger: 'cross_region_job', count: 50 });
        all.push(...[...instant.matches, ...standard.matches].map((m) => m.matchId));
        const published = await events.matchesFound(instant);
        // The instant lane's transaction holds its delivery ids, uncommitted: now the standard lane delivers.
        await eventually(async () => {
          const [{ n }] = await db.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%INSERT INTO "dispatch".deliveries%'`,
          );
          expect(n).toBeGreaterThan(0);
        }, 30000);
        published.push(...(await events.matchesFound(standard)));
        await processed(running, published.map((e) => e.id));
      }
    } finally {
      await release();
    }
    const received = await settled(client, all.length);
    client.close();
    const ids = received.map((e) => BigInt(e.id!));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(matchIds(received).sort()).toEqual([...all].sort());
  });
});
