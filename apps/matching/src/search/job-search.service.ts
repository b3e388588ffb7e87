import { type Principal } from '@laowu/auth';
import { distanceKm, findRegion } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient, SearchEngineError, type SearchResult } from '@laowu/search';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { LaborBrandNames } from '../indexing/labor-brand-names';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { assertMayReadWorker } from '../matches/worker.access';
import { acceptsAny } from '../ranking/factors/factor';
import { passesPairRules, type Reason, scorePair } from '../ranking/pair-score';
import { type RankingWeights } from '../ranking/ranking-weights';
import { LiveRankingWeights } from '../ranking-weights/live-ranking-weights';
import { OutcomeSignals } from '../outcomes/outcome-signals';
import { type RankingContext } from '../outcomes/ranking-context';
import { openJobFilters } from '../ranking/ranking.queries';
import { keywordsReason } from './keyword-reasons';
import { keywordsQuery, queryWords } from './job-keywords.query';
import { SearchJobsRequest } from './search-jobs.request.dto';
import { ERRORS } from '../matching.errors';

/** A reason of a search hit: the pair's ranking factors, and `keywords` (which words of q matched; contribution 0). */
export type SearchReason = Reason | { factor: 'keywords'; contribution: 0; detail: string };

export interface JobSearchItem {
  jobId: string;
  /** The engine's relevance (null when sorted otherwise). */
  score: number | null;
  distanceKm?: number;
  /** With workerId: the pair's match score (ranking's scorePair); the reasons' contributions add up to it. */
  matchScore?: number;
  reasons?: SearchReason[];
  /** With workerId: false when the job could never be offered to that worker (kind, certificates, public-welfare rule). */
  eligible?: boolean;
  job: ReturnType<typeof jobSummary> & { laborBrand?: string };
}

export interface JobSearchResult {
  total: number;
  page: number;
  pageSize: number;
  /** With workerId: the ranking weights version that produced matchScore and reasons. */
  weightsVersion?: number;
  items: JobSearchItem[];
  facets: { kinds: { kind: string; count: number }[]; cities: { code: string; name?: string; count: number }[] };
}

type Json = Record<string, unknown>;

/** What scoring a hit for one worker needs. */
interface PairScoring {
  worker: WorkerDocument;
  weights: RankingWeights;
  version: number;
  context: RankingContext;
}

/** The deepest result the engine pages to (its index.max_result_window, 10,000 by default). */
const RESULT_WINDOW = 10_000;
/** The roles that may see a worker's matches (GET /v1/workers/{id}/matches): the same for search with workerId. */
const WORKER_READERS = ['station', 'admin'] as const;
/** How long an index without the synonym analyzer is searched without it before it is tried again (a reindex adds it). */
const SYNONYMS_RETRY_MS = 60_000;

/** Search over open jobs with facet counts by kind and by city; read-only. */
@Injectable()
export class JobSearchService {
  private readonly logger = new Logger(JobSearchService.name);
  /** Until when the jobs index is known to predate the synonym analyzer (created by an earlier release). */
  private synonymsMissingUntil = 0;

  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly brands: LaborBrandNames,
    private readonly weights: LiveRankingWeights,
    private readonly outcomes: OutcomeSignals,
  ) {}

  async search(principal: Principal, request: SearchJobsRequest, now = new Date()): Promise<JobSearchResult> {
    const worker = request.workerId === undefined ? undefined : await this.readableWorker(principal, request.workerId);
    if (request.regionCode && !findRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.SEARCH_UNKNOWN_REGION, [{ field: 'regionCode', problem: `unknown region code ${request.regionCode}` }]);
    }
    const brand = request.laborBrand === undefined ? undefined : this.brands.codeOf(request.laborBrand);
    if (request.laborBrand !== undefined && !brand) {
      throw DomainError.unprocessable(ERRORS.SEARCH_UNKNOWN_LABOR_BRAND, [{ field: 'laborBrand', problem: `unknown labour brand ${request.laborBrand}` }]);
    }
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 20;
    if (page * pageSize > RESULT_WINDOW) {
      throw DomainError.invalid(ERRORS.SEARCH_PAST_RESULT_WINDOW, [
        { field: 'page', problem: `page × pageSize may reach at most ${RESULT_WINDOW} results (here ${page * pageSize}); narrow the search instead` },
      ]);
    }
    await this.indices.ensured();
    const result = await this.searchJobs((synonyms) => ({
      query: this.query(request, brand, now, synonyms),
      sort: this.sort(request),
      from: (page - 1) * pageSize,
      size: pageSize,
      track_total_hits: true,
      aggs: { kinds: { terms: { field: 'kind', size: 10 } }, cities: { terms: { field: 'cityCode', size: 50 } } },
    }));
    const near = request.near;
    const scoring = worker && (await this.scoringFor(worker));
    return {
      total: result.total!,
      page,
      pageSize,
      ...(scoring ? { weightsVersion: scoring.version } : {}),
      items: result.hits.map((hit) => ({
        jobId: hit.source.jobId,
        score: hit.score,
        // Whenever the caller searched near a point, each hit says how far it is (keyword
        // searches rank by relevance, so the sort value is not the distance then).
        ...(near ? { distanceKm: Math.round(distanceKm(near, hit.source.location) * 10) / 10 } : {}),
        ...(scoring ? this.why(hit.source, scoring, request.q, now) : {}),
        job: { ...jobSummary(hit.source), ...(hit.source.laborBrand ? { laborBrand: hit.source.laborBrand } : {}) },
      })),
      facets: {
        kinds: buckets(result.aggregations, 'kinds').map((b) => ({ kind: b.key, count: b.doc_count })),
        cities: buckets(result.aggregations, 'cities').map((b) => ({ code: b.key, name: findRegion(b.key)?.name, count: b.doc_count })),
      },
    };
  }

  /**
   * The worker whose match reasons the caller asks for, refused as GET /v1/workers/{id}/matches
   * refuses it: a role that may not read workers' matches first (before the worker is looked up, so
   * nothing is learnt of it), then an unknown worker (404), then one the station may not read (403).
   */
  private async readableWorker(principal: Principal, workerId: string): Promise<WorkerDocument> {
    if (!(WORKER_READERS as readonly string[]).includes(principal.role)) {
      throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `role ${principal.role} may not ask for a worker's match reasons (allowed: ${WORKER_READERS.join(', ')})`);
    }
    await this.indices.ensured();
    const worker = await this.client.get<WorkerDocument>(this.indices.workers.alias, workerId);
    if (!worker) throw new DomainError(ERRORS.WORKER_NOT_FOUND, 'worker not found', 404, [{ field: 'workerId', problem: 'no such worker' }]);
    assertMayReadWorker(principal, worker.source);
    return worker.source;
  }

  /** The worker's weights (their province's) and what was learned from outcomes, as matches-for-worker reads them: a pair scores the same in both. */
  private async scoringFor(worker: WorkerDocument): Promise<PairScoring> {
    return { worker, ...this.weights.forWorker(worker), context: await this.outcomes.forWorker(worker.workerId) };
  }

  /**
   * The pair's score and reasons, with which words of q the job matched first, and whether the job
   * may be offered to the worker at all (a kind they accept, the certificates it requires, a
   * public-welfare post only for a priority worker): search finds jobs a match never would.
   */
  private why(job: JobDocument, { worker, weights, context }: PairScoring, q: string | undefined, now: Date): Pick<JobSearchItem, 'matchScore' | 'reasons' | 'eligible'> {
    const pair = scorePair(job, worker, weights, now, context);
    const keywords = q ? keywordsReason(q, job) : undefined;
    const eligible = acceptsAny(worker, [job.kind]) && passesPairRules(job, worker, now);
    return { matchScore: pair.score, eligible, reasons: [...(keywords ? [keywords] : []), ...pair.reasons] };
  }

  /**
   * Searches with the synonym analyzer; an index created by an earlier release has none (analysis
   * settings come only with a new index, POST /v1/admin/reindex), and refuses the query (400): it
   * is then searched without synonyms, and tried with them again a minute later.
   */
  private async searchJobs(body: (synonyms: boolean) => Json): Promise<SearchResult<JobDocument>> {
    const alias = this.indices.jobs.alias;
    if (Date.now() < this.synonymsMissingUntil) return this.client.search<JobDocument>(alias, body(false));
    try {
      return await this.client.search<JobDocument>(alias, body(true));
    } catch (error) {
      if (!(error instanceof SearchEngineError) || error.statusCode !== 400) throw error;
      const result = await this.client.search<JobDocument>(alias, body(false));
      if (!this.synonymsMissingUntil) this.logger.warn(`the jobs index has no synonym analyzer (created before it): searching without synonyms until POST /v1/admin/reindex rebuilds it`);
      this.synonymsMissingUntil = Date.now() + SYNONYMS_RETRY_MS;
      return result;
    }
  }

  private query(request: SearchJobsRequest, brand: string | undefined, now: Date, synonyms: boolean): Json {
    const filters: Json[] = openJobFilters(request.kinds?.length ? request.kinds : undefined, now);
    if (brand) filters.push({ term: { laborBrand: brand } });
    if (request.agencyId !== undefined) filters.push({ term: { agencyId: request.agencyId } });
    if (request.regionCode) filters.push({ term: { regionCodes: request.regionCode } });
    if (request.near) {
      filters.push({ geo_distance: { distance: `${request.near.km}km`, location: { lat: request.near.lat, lon: request.near.lon } } });
    }
    if (request.wageMin !== undefined) filters.push({ range: { wagePerDayMax: { gte: request.wageMin } } });
    if (request.instantOnly) filters.push({ bool: { should: [{ term: { instant: true } }, { term: { kind: 'gig' } }], minimum_should_match: 1 } });
    return { bool: { filter: filters, must: request.q && queryWords(request.q).length ? [this.keywords(request.q, synonyms)] : [] } };
  }

  /**
   * Keywords on title, description, the brand names indexed with the job (laborBrandText) and its
   * region names (job-keywords.query.ts). A q that is exactly a brand's name or keyword also finds
   * the brand's jobs by code: a brand a bureau added after its jobs were indexed is found too.
   */
  private keywords(q: string, synonyms: boolean): Json {
    const text = keywordsQuery(q, synonyms);
    const brand = this.brands.codeOf(q);
    return brand ? { bool: { should: [text, { term: { laborBrand: brand } }], minimum_should_match: 1 } } : text;
  }

  /** Keywords: by relevance; otherwise nearest first when `near` is given, else newest first. */
  private sort(request: SearchJobsRequest): Json[] {
    if (request.q) return [{ _score: 'desc' }, { postedAt: 'desc' }, { jobId: 'asc' }];
    if (request.near) {
      return [{ _geo_distance: { location: { lat: request.near.lat, lon: request.near.lon }, order: 'asc', unit: 'km' } }, { jobId: 'asc' }];
    }
    return [{ postedAt: 'desc' }, { jobId: 'asc' }];
  }
}

function buckets(aggregations: unknown, name: string): { key: string; doc_count: number }[] {
  return ((aggregations as Record<string, { buckets: { key: string; doc_count: number }[] }>)?.[name]?.buckets ?? []);
}
