// npm run dlq -- list <topic>
// npm run dlq -- replay <topic> [--event-id <uuid>]
// Lists the dead letters of <topic> (or of <topic>.dlq: either name works), or re-publishes them to
// their original topic once each (what was replayed is remembered in laowu.dlq-replays). Prints
// offsets, keys, event ids and types, and why each was dead-lettered: never an event's data.
// Reads the apps' Kafka settings (KAFKA_BROKERS, and KAFKA_SSL… / KAFKA_SASL_… when the brokers need them).
import { createKafka, type DeadLetter, deadLetterTopicOf, listDeadLetters, replayDeadLetters } from '@laowu/messaging';
import { BaseConfig, loadConfig } from '@laowu/platform';
import { Logger } from '@nestjs/common';
import { parseArgs } from 'node:util';

// The Kafka client's notices go through Nest's logger: only warnings and errors, on stderr.
Logger.overrideLogger(['error', 'warn']);

const USAGE = 'usage: npm run dlq -- list <topic> | replay <topic> [--event-id <uuid>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'event-id': { type: 'string' } } });
const [command, topic, ...rest] = positionals;
if (command !== 'list' && command !== 'replay') fail('the command must be list or replay');
if (!topic || !/^[A-Za-z0-9._-]{1,249}$/.test(topic)) fail('<topic> must be a Kafka topic name, e.g. laowu.dispatch.v1');
if (rest.length) fail(`unexpected arguments: ${rest.join(' ')}`);
const eventId = values['event-id'];
if (eventId !== undefined && !/^[0-9a-f-]{36}$/i.test(eventId)) fail('--event-id must be an event id (uuid)');
if (command === 'list' && eventId !== undefined) fail('--event-id applies to replay only');

const line = (d: DeadLetter) =>
  [`${d.partition}@${d.offset}`, d.key || '-', d.eventId ?? '-', d.type ?? '-', d.deadLetteredAt, d.replayedAt ? `replayed ${d.replayedAt}` : 'not replayed', d.reason]
    .join('\t');

async function main(): Promise<number> {
  const config = loadConfig(BaseConfig, { PORT: '0', ...process.env }); // a tool: no port of its own
  const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'laowu-dlq-tool', ...config.kafkaSecurity });
  const dlq = deadLetterTopicOf(topic);
  if (command === 'list') {
    const letters = await listDeadLetters(kafka, topic);
    process.stdout.write(`${letters.length} dead letter(s) in ${dlq}\n`);
    if (letters.length) process.stdout.write(`partition@offset\tkey\tevent id\ttype\tdead-lettered at\treplay\treason\n${letters.map(line).join('\n')}\n`);
    return 0;
  }
  const { replayed, alreadyReplayed } = await replayDeadLetters(kafka, topic, { eventId });
  for (const d of replayed) process.stdout.write(`replayed to ${d.originalTopic}: ${line(d)}\n`);
  for (const d of alreadyReplayed) process.stdout.write(`already replayed, skipped: ${line(d)}\n`);
  process.stdout.write(`${replayed.length} replayed, ${alreadyReplayed.length} skipped as already replayed (${dlq})\n`);
  if (eventId !== undefined && !replayed.length && !alreadyReplayed.length) {
    process.stderr.write(`no dead letter with event id ${eventId} in ${dlq}\n`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`dlq ${command} failed: ${error.message}\n`);
    process.exit(1);
  },
);
