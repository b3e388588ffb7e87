// Background data for the stack benchmarks: N workers and M open jobs written straight into the
// matching app's indices (the app's own mapping), so the instant path ranks against a full index.
import { type WorkerChangedData } from '@laowu/contracts';
import { type SearchClient } from '@laowu/search';
import { writeVersioned } from '../../apps/matching/src/indexing/index-writer';
import { toJobDocument } from '../../apps/matching/src/indexing/job.document';
import { toWorkerDocument } from '../../apps/matching/src/indexing/worker.document';
import { benchCounties, makeJob, makeWorker, Rng } from './data';
import { progress } from './report';

export const benchStationId = (i: number) => `station-bench-${String(i).padStart(3, '0')}`;

/** Workers spread over the counties, registered at `stations` stations (round robin). */
export async function loadBackground(search: SearchClient, prefix: string, log: (m: string) => void, workers: number, jobs: number, stations: number) {
  const rng = new Rng(11);
  const regions = benchCounties();
  const now = Date.now();
  const BATCH = 5000;
  const started = Date.now();
  await search.putSettings(`${prefix}*`, { index: { refresh_interval: '-1' } });
  const tickW = progress(log, 'background workers', workers);
  for (let done = 0; done < workers; ) {
    const docs = Array.from({ length: Math.min(BATCH, workers - done) }, (_, i) => {
      const worker: WorkerChangedData = { ...makeWorker(rng, rng.pick(regions), benchStationId((done + i) % stations)), available: true };
      return toWorkerDocument(worker);
    });
    await writeVersioned(search, `${prefix}workers`, docs.map((d) => ({ id: d.workerId, version: 1, source: d })));
    done += docs.length;
    tickW(done);
  }
  const tickJ = progress(log, 'background open jobs', jobs);
  for (let done = 0; done < jobs; ) {
    const docs = Array.from({ length: Math.min(BATCH, jobs - done) }, () => toJobDocument(makeJob(rng, rng.pick(regions), now)));
    await writeVersioned(search, `${prefix}jobs`, docs.map((d) => ({ id: d.jobId, version: 1, source: d })));
    done += docs.length;
    tickJ(done);
  }
  await search.putSettings(`${prefix}*`, { index: { refresh_interval: '1s' } });
  await search.refresh(`${prefix}*`);
  return { workers, jobs, stations, seconds: Math.round((Date.now() - started) / 1000) };
}
