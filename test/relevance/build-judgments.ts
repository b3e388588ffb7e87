/**
 * Freezes the judged set: `npx ts-node -r tsconfig-paths/register --transpile-only test/relevance/build-judgments.ts`
 * writes judgments.json (worker key, job key, grade 0–3, reason) from relevance.set.ts. Re-run
 * only when the set itself changes, never to make the NDCG test pass.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judge, type Judgment, RELEVANCE_JOBS, RELEVANCE_WORKERS } from './relevance.set';

const now = Date.now();
const judgments: Judgment[] = RELEVANCE_WORKERS.flatMap((w) => RELEVANCE_JOBS.map((j) => ({ worker: w.key, job: j.key, ...judge(w.data, j.data(now)) })));
writeFileSync(join(__dirname, 'judgments.json'), JSON.stringify(judgments, null, 0).replace(/\},\{/g, '},\n{') + '\n');
const histogram = [0, 1, 2, 3].map((g) => judgments.filter((j) => j.grade === g).length);
process.stdout.write(`${judgments.length} judgments; grades 0/1/2/3: ${histogram.join('/')}\n`);
