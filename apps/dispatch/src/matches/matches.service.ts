import { Principal } from '@laowu/auth';
import { MatchStatus, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { assertActsForStation } from '../stations/station.access';
import { JobViewEntity } from '../views/job-view.entity';
import { matchStatusChangedEvent } from './match-changed.event';
import { canApply, headcountLeft, MatchAction, STATUS_AFTER } from './match-lifecycle';
import { MatchEntity } from './match.entity';

type Outcome = { match: MatchEntity } | { error: DomainError };

/**
 * A station's work on its matches: offer to the worker, accept, decline. Each action is one
 * transaction holding the match row (and for accept the job's view row) locked, so two accepts
 * racing for the last place cannot both win; a crash before commit leaves the match unchanged.
 * Every status change publishes MatchStatusChanged in the same transaction (outbox): matching
 * never pushes or lists a declined pair again.
 */
@Injectable()
export class MatchesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async list(stationId: string, status: MatchStatus | undefined, limit = 100): Promise<MatchEntity[]> {
    return this.dataSource.getRepository(MatchEntity).find({
      where: status ? { stationId, status } : { stationId },
      order: { receivedAt: 'DESC' },
      take: limit,
    });
  }

  async act(principal: Principal, matchId: string, action: Exclude<MatchAction, 'expire'>): Promise<MatchEntity> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const match = await manager.getRepository(MatchEntity).findOne({ where: { id: matchId }, lock: { mode: 'pessimistic_write' } });
      if (!match) throw DomainError.notFound(ERRORS.MATCH_NOT_FOUND, `match ${matchId}`);
      assertActsForStation(principal, match.stationId);
      if (!canApply(action, match.status)) {
        throw DomainError.conflict(ERRORS.MATCH_INVALID_TRANSITION, `cannot ${action} a match that is ${match.status}`, {
          currentStatus: match.status,
        });
      }
      if (action === 'accept') {
        const refusal = await this.refuseAccept(manager, match);
        if (refusal) return refusal;
      }
      return { match: await this.setStatus(manager, match, STATUS_AFTER[action]) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.match;
  }

  /** Accept only while the job is open and has headcount left; a closed job's match expires. */
  private async refuseAccept(manager: EntityManager, match: MatchEntity): Promise<Outcome | undefined> {
    const job = await manager.getRepository(JobViewEntity).findOne({ where: { jobId: match.jobId }, lock: { mode: 'pessimistic_write' } });
    if (!job || job.status !== 'open') {
      // Committed (the match lapses) and then reported: hence an outcome, not a throw.
      await this.setStatus(manager, match, 'expired');
      return { error: DomainError.conflict(ERRORS.MATCH_JOB_NOT_OPEN, `job ${match.jobId} is ${job?.status ?? 'unknown'}`, { jobStatus: job?.status }) };
    }
    const [{ arrived, accepted }]: { arrived: number; accepted: number }[] = await manager.query(
      `SELECT
         (SELECT count(*)::int FROM "${SCHEMA}".batch_workers WHERE job_id = $1 AND status = 'arrived') AS arrived,
         (SELECT count(*)::int FROM "${SCHEMA}".matches m WHERE m.job_id = $1 AND m.status = 'accepted'
            AND NOT EXISTS (SELECT 1 FROM "${SCHEMA}".batch_workers bw
                            WHERE bw.job_id = m.job_id AND bw.worker_id = m.worker_id AND bw.status = 'arrived')) AS accepted`,
      [match.jobId],
    );
    if (headcountLeft(job, arrived, accepted) <= 0) {
      throw DomainError.conflict(ERRORS.MATCH_NO_HEADCOUNT_LEFT, `job ${match.jobId} has no headcount left`, {
        headcount: job.headcount,
      });
    }
    return undefined;
  }

  private async setStatus(manager: EntityManager, match: MatchEntity, status: MatchStatus): Promise<MatchEntity> {
    await manager.query(`UPDATE "${SCHEMA}".matches SET status = $2, status_changed_at = now() WHERE id = $1`, [match.id, status]);
    const changed = (await manager.getRepository(MatchEntity).findOneBy({ id: match.id }))!;
    await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, [matchStatusChangedEvent(changed, this.producer)]);
    return changed;
  }
}
