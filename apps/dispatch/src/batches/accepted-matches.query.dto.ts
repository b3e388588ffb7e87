import { PageQuery } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

const ACCEPTED_MATCHES_MAX_JOBS = 20;

/** `a,b` or `jobIds=a&jobIds=b` (or both) → ['a', 'b'], each once; anything else is left for the validators to refuse. */
function idList({ value }: { value: unknown }): unknown {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  if (!parts) return value;
  return [...new Set(parts.flatMap((part) => part.split(',')).map((id) => id.trim()).filter(Boolean))];
}

/** GET /v1/dispatch/accepted-matches: the accepted matches for some jobs, a page at a time. */
export class AcceptedMatchesQuery extends PageQuery {
  @ApiProperty({
    type: String,
    example: '3f1c2a4e-…,9a2b7c1d-…',
    description: `the jobs (comma-separated ids, 1 to ${ACCEPTED_MATCHES_MAX_JOBS}), e.g. the jobs a batch travels to`,
  })
  @Transform(idList)
  @IsArray({ message: 'jobIds must be comma-separated job ids' })
  @ArrayMinSize(1, { message: 'jobIds must name at least one job' })
  @ArrayMaxSize(ACCEPTED_MATCHES_MAX_JOBS, { message: `jobIds must hold at most ${ACCEPTED_MATCHES_MAX_JOBS} ids` })
  @IsUUID('all', { each: true, message: 'jobIds must be comma-separated UUIDs' })
  jobIds: string[];
}
