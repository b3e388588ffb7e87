import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';
import { jobData, workerData } from '@laowu/testkit';

/**
 * Issue 14 (#14): what a private agency learns of a candidate's poverty status, and how exact a
 * worker's location is in matching's index. Real Kafka, OpenSearch and PostgreSQL.
 */
describe('matching: candidates show an agency a priority flag, never the group; the index holds ≈ 1 km points', () => {
  const prefix = uniquePrefix();
  const agencyId = `agency-privacy-${randomUUID().slice(0, 8)}`;
  const agency = bearer({ sub: agencyId, role: 'agency', region: '440300' });
  let matching: MatchingUnderTest;

  beforeAll(async () => {
    matching = await startMatching(prefix, 'privacy');
  });
  afterAll(() => matching?.close());

  type Candidate = { workerId: string; reasons: { factor: string; detail: string }[]; worker: Record<string, unknown> };
  const candidates = async (jobId: string, token: string): Promise<{ items: Candidate[]; text: string }> => {
    const response = await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates?limit=100`).set('Authorization', token).expect(200);
    return { items: response.body.items, text: response.text };
  };

  it('gives an agency `priority` without the group, and admin the groups; stations and bureaus cannot list candidates', async () => {
    // A job with a relocation quota, so relocated workers get the reason the agency needs for it.
    const job = jobData({ agencyId, relocationQuotaPct: 20 });
    const poor = workerData({ priorityGroups: ['poverty_alleviated'] });
    const monitored = workerData({ priorityGroups: ['monitoring_target'] });
    const relocated = workerData({ priorityGroups: ['relocated'] });
    const plain = workerData();
    const workers = [poor, monitored, relocated, plain];
    await matching.publish([job], workers);

    const forAgency = await candidates(job.jobId, agency);
    const byId = new Map(forAgency.items.map((c) => [c.workerId, c]));
    for (const w of workers) expect(byId.has(w.workerId)).toBe(true);
    // The flag, computed here from the published groups: poverty-alleviated and monitoring targets rank up, relocated alone does not.
    expect(byId.get(poor.workerId)!.worker.priority).toBe(true);
    expect(byId.get(monitored.workerId)!.worker.priority).toBe(true);
    expect(byId.get(relocated.workerId)!.worker.priority).toBe(false);
    expect(byId.get(plain.workerId)!.worker.priority).toBe(false);
    for (const c of forAgency.items) expect(c.worker).not.toHaveProperty('priorityGroups');
    // Nowhere in the answer (summary or reasons) does a group's name or label appear.
    for (const kind of ['poverty_alleviated', 'monitoring_target', 'relocated', '"priorityGroups"']) expect(forAgency.text).not.toContain(kind);
    // What the agency needs for the quota: the relocated worker carries the relocation reason.
    expect(byId.get(relocated.workerId)!.reasons.map((r) => r.factor)).toContain('relocation');

    const forAdmin = await candidates(job.jobId, asAdmin());
    const adminById = new Map(forAdmin.items.map((c) => [c.workerId, c]));
    for (const w of workers) {
      expect(adminById.get(w.workerId)!.worker.priorityGroups).toEqual(w.priorityGroups);
      expect(adminById.get(w.workerId)!.worker.priority).toBe(byId.get(w.workerId)!.worker.priority);
    }

    const station = bearer({ sub: 'station-440306-01', role: 'station', region: '440306' });
    const bureau = bearer({ sub: 'bureau-440306', role: 'bureau', region: '440306' });
    await request(matching.running.url).get(`/v1/jobs/${job.jobId}/candidates`).set('Authorization', station).expect(403);
    await request(matching.running.url).get(`/v1/jobs/${job.jobId}/candidates`).set('Authorization', bureau).expect(403);
  });

  it('indexes a worker on the 0.01° grid even from an event with an exact point, and still ranks by distance', async () => {
    // An event as published before the grid: six decimals (≈ 10 cm).
    const exact = { lat: 22.563771, lon: 113.906249 };
    const worker = workerData({ location: exact }, { maxCommuteKm: 30 });
    // 5 km and 20 km north of the worker (1° of latitude ≈ 111.2 km).
    const near = jobData({ agencyId, location: { regionCode: '440306', lat: exact.lat + 5 / 111.2, lon: exact.lon } });
    const far = jobData({ agencyId, location: { regionCode: '440306', lat: exact.lat + 20 / 111.2, lon: exact.lon } });
    await matching.publish([near, far], [worker]);

    const doc = await matching.client.get<{ location: unknown }>(`${prefix}workers`, worker.workerId);
    expect(doc?.source.location).toEqual({ lat: 22.56, lon: 113.91 });
    expect(JSON.stringify(doc?.source)).not.toMatch(/22\.5637|113\.9062/);

    const items = (await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body
      .items as { jobId: string; reasons: { factor: string; contribution: number }[] }[];
    const rank = (id: string) => items.findIndex((i) => i.jobId === id);
    expect(rank(near.jobId)).toBeGreaterThanOrEqual(0);
    expect(rank(near.jobId)).toBeLessThan(rank(far.jobId));
    const distance = (id: string) => items[rank(id)].reasons.find((r) => r.factor === 'distance')?.contribution ?? 0;
    expect(distance(near.jobId)).toBeGreaterThan(distance(far.jobId));
  });
});
