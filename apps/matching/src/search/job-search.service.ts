import { distanceKm, findRegion } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { openJobFilters } from '../ranking/ranking.queries';
import { SearchJobsRequest } from './search-jobs.request.dto';
import { ERRORS } from '../matching.errors';

export interface JobSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: { jobId: string; score: number | null; distanceKm?: number; job: ReturnType<typeof jobSummary> }[];
  facets: { kinds: { kind: string; count: number }[]; cities: { code: string; name?: string; count: number }[] };
}

type Json = Record<string, unknown>;

/** Search over open jobs with facet counts by kind and by city; read-only. */
/** The deepest result the engine pages to (its index.max_result_window, 10,000 by default). */
const RESULT_WINDOW = 10_000;

@Injectable()
export class JobSearchService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
  ) {}

  async search(request: SearchJobsRequest, now = new Date()): Promise<JobSearchResult> {
    if (request.regionCode && !findRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.SEARCH_UNKNOWN_REGION, [{ field: 'regionCode', problem: `unknown region code ${request.regionCode}` }]);
    }
    const page = request.page ?? 1;
    const pageSize = request.pageSize ?? 20;
    if (page * pageSize > RESULT_WINDOW) {
      throw DomainError.invalid(ERRORS.SEARCH_PAST_RESULT_WINDOW, [
        { field: 'page', problem: `page × pageSize may reach at most ${RESULT_WINDOW} results (here ${page * pageSize}); narrow the search instead` },
      ]);
    }
    await this.indices.ensured();
    const result = await this.client.search<JobDocument>(this.indices.jobs.alias, {
      query: this.query(request, now),
      sort: this.sort(request),
      from: (page - 1) * pageSize,
      size: pageSize,
      track_total_hits: true,
      aggs: { kinds: { terms: { field: 'kind', size: 10 } }, cities: { terms: { field: 'cityCode', size: 50 } } },
    });
    const near = request.near;
    return {
      total: result.total!,
      page,
      pageSize,
      items: result.hits.map((hit) => ({
        jobId: hit.source.jobId,
        score: hit.score,
        // Whenever the caller searched near a point, each hit says how far it is (keyword
        // searches rank by relevance, so the sort value is not the distance then).
        ...(near ? { distanceKm: Math.round(distanceKm(near, hit.source.location) * 10) / 10 } : {}),
        job: jobSummary(hit.source),
      })),
      facets: {
        kinds: buckets(result.aggregations, 'kinds').map((b) => ({ kind: b.key, count: b.doc_count })),
        cities: buckets(result.aggregations, 'cities').map((b) => ({ code: b.key, name: findRegion(b.key)?.name, count: b.doc_count })),
      },
    };
  }

  private query(request: SearchJobsRequest, now: Date): Json {
    const filters: Json[] = openJobFilters(request.kinds?.length ? request.kinds : undefined, now);
    if (request.regionCode) filters.push({ term: { regionCodes: request.regionCode } });
    if (request.near) {
      filters.push({ geo_distance: { distance: `${request.near.km}km`, location: { lat: request.near.lat, lon: request.near.lon } } });
    }
    if (request.wageMin !== undefined) filters.push({ range: { wagePerDayMax: { gte: request.wageMin } } });
    if (request.instantOnly) filters.push({ bool: { should: [{ term: { instant: true } }, { term: { kind: 'gig' } }], minimum_should_match: 1 } });
    const must = request.q
      ? [{ multi_match: { query: request.q, fields: ['title^2', 'description'], operator: 'and' } }]
      : [];
    return { bool: { filter: filters, must } };
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
