import { deadLetterTopic, EmployerRegistered, type EmployerRegisteredData, LaborBrandChanged, type LaborBrandChangedData, TOPICS } from '@laowu/contracts';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LaborBrandNames } from '../src/indexing/labor-brand-names';
import { ReferenceService } from '../src/reference/reference.service';
import { SCHEMA } from '../src/schema';
import { TopicRecorder } from '../../../test/support/kafka';
import { caughtUp, type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

/** laowu.reference.v1 into matching: bureau-added labour brands (劳务品牌, 四) stored and registered for search. */
describe('reference events in matching (real Kafka, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const code = `brand-${prefix.slice(2, 10)}`;
  const brand = (overrides: Partial<LaborBrandChangedData>): LaborBrandChangedData => ({
    code,
    name: '大凉山彝绣',
    regionCode: '513400',
    trade: '手工刺绣',
    keywords: ['彝绣', '凉山绣娘'],
    updatedAt: new Date().toISOString(),
    ...overrides,
  });
  const employer: EmployerRegisteredData = {
    employerId: randomUUID(),
    version: 1,
    agencyId: 'agency-x',
    name: '西昌某钢结构有限公司',
    creditCode: '91513401MA62K1XQ2B',
    regionCode: '513401',
    workshop: false,
    updatedAt: new Date().toISOString(),
  };

  beforeAll(async () => {
    matching = await startMatching(prefix, 'reference-events');
  });
  afterAll(() => matching?.close());

  const rowOf = async () =>
    ((await matching.running.app.get(DataSource).query(`SELECT name, keywords FROM "${SCHEMA}".labor_brands WHERE code = $1`, [code])) as { name: string; keywords: string[] }[])[0];

  it('stores a brand, registers its name and keywords for search, keeps the latest state, and ignores employers', async () => {
    const now = Date.now();
    const dlq = await TopicRecorder.start([deadLetterTopic(TOPICS.reference)]);
    await matching.producer.events(TOPICS.reference, EmployerRegistered, [employer]);
    await matching.producer.events(TOPICS.reference, LaborBrandChanged, [brand({ name: '大凉山彝绣', updatedAt: new Date(now).toISOString() })], 'job-collection');
    await eventually(async () => {
      if (!(await rowOf())) throw new Error('brand not stored yet');
    }, 60_000);
    // An older state delivered after the newer one is stored: changes nothing.
    await matching.producer.events(TOPICS.reference, LaborBrandChanged, [brand({ name: '旧名', keywords: [], updatedAt: new Date(now - 60_000).toISOString() })], 'job-collection');
    await caughtUp(matching.running.config.KAFKA_GROUP_ID!, TOPICS.reference);
    await dlq.stop();
    // Handled, not dead-lettered: the employer's event is simply not matching's.
    expect(dlq.messages.filter((m) => m.headers['laowu-dlq-group'] === matching.running.config.KAFKA_GROUP_ID)).toEqual([]);

    expect(await rowOf()).toEqual({ name: '大凉山彝绣', keywords: ['彝绣', '凉山绣娘'] });
    const names = matching.running.app.get(LaborBrandNames);
    expect(names.namesOf(code)).toEqual(expect.arrayContaining(['大凉山彝绣', '彝绣', '凉山绣娘']));
    expect(names.namesOf(code)).not.toContain('旧名');
  });

  it('loads the stored brands into the names at start', async () => {
    await eventually(async () => {
      if (!(await rowOf())) throw new Error('brand not stored yet');
    }, 60_000);
    // A fresh provider, as a restarted app has: the bootstrap fills it from the table.
    const fresh = new LaborBrandNames();
    await new ReferenceService(matching.running.app.get(DataSource), fresh).onApplicationBootstrap();
    expect(fresh.namesOf(code)).toEqual(expect.arrayContaining(['大凉山彝绣', '彝绣', '凉山绣娘']));
  });
});
