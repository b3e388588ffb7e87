import { LANE_OF_TRIGGER, matchesTopicOf, type PushTrigger } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { type JobPush, matchesFoundEnvelopes } from './matches-found.event';

/** Where both push services put their matches: MatchesFound events, this app their producer, in the outbox of the trigger's lane. */
@Injectable()
export class MatchesOutbox {
  constructor(@Inject(APP_NAME) private readonly producer: string) {}

  /** Appends in the caller's transaction; returns how many events. */
  async append(manager: EntityManager, trigger: PushTrigger, pushes: JobPush[], now: Date): Promise<number> {
    const envelopes = matchesFoundEnvelopes(trigger, pushes, now, this.producer);
    await appendToOutbox(manager, SCHEMA, matchesTopicOf(LANE_OF_TRIGGER[trigger]), envelopes);
    return envelopes.length;
  }
}
