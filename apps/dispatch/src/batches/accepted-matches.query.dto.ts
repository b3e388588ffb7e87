import { CommaSeparatedUuids, PageQuery } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';

const ACCEPTED_MATCHES_MAX_JOBS = 20;

/** GET /v1/dispatch/accepted-matches: the accepted matches for some jobs, a page at a time. */
export class AcceptedMatchesQuery extends PageQuery {
  @ApiProperty({
    type: String,
    example: '3f1c2a4e-…,9a2b7c1d-…',
    description: `the jobs (comma-separated ids, 1 to ${ACCEPTED_MATCHES_MAX_JOBS}), e.g. the jobs a batch travels to`,
  })
  @CommaSeparatedUuids({ min: 1, max: ACCEPTED_MATCHES_MAX_JOBS })
  jobIds: string[];
}
