import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MatchesLimitRequest } from './limit.request.dto';
import { CandidatesResponse, JobMatchesResponse, toCandidate, toJobMatch } from './match.response.dto';
import { MatchesService } from './matches.service';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1')
export class MatchesHttpController {
  constructor(private readonly matches: MatchesService) {}

  @Get('workers/:id/matches')
  @Roles('station', 'admin')
  @ApiOperation({
    summary: 'Ranked jobs for a worker, each with reasons',
    description:
      'Hard filters only: job open, headcount left, kind accepted by the worker, start/end not passed; a public-welfare post ' +
      '(乡村公益性岗位, 十六) only for a poverty-alleviated worker or monitoring target. Age is never a filter (十二). ' +
      'Each reason is { factor, contribution, detail }; contributions add up to the score. Diversified: within any 10 places at most ' +
      'half are one agency’s jobs and at most 2 one agency’s near-duplicate titles while other jobs match (DIVERSITY_* settings), so the ' +
      'order may differ from the scores’ order; a job placed below a lower-scored one carries a `diversity` reason (contribution 0) ' +
      'saying why. A station sees workers it registered or who live in its region (403 WORKER.FORBIDDEN otherwise). Ranked with the ' +
      'weights of the worker\'s residence province (its override, else the global weights: /v1/admin/ranking-weights); `weightsVersion` names them.',
  })
  @ApiOkResponse({ type: JobMatchesResponse })
  @ApiNotFoundResponse({ description: 'WORKER.NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN' })
  async matchesForWorker(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MatchesLimitRequest,
  ): Promise<JobMatchesResponse> {
    const { weightsVersion, items } = await this.matches.matchesForWorker(principal, id, query.limit ?? 20);
    return { weightsVersion, items: items.map(toJobMatch) };
  }

  @Get('jobs/:id/candidates')
  @Roles('agency', 'admin')
  @ApiOperation({
    summary: 'Ranked candidate workers for a job, each with reasons and a masked summary',
    description:
      'Available workers who accept the job kind, ranked by the same factors; poverty-alleviated workers and monitoring targets ' +
      'rank up (十四), relocated workers for jobs with a relocation quota (十五). A public-welfare post\'s candidates are poverty-alleviated ' +
      'workers and monitoring targets only, those unwilling to migrate first (十六, reason `publicWelfare`). An agency sees only its own jobs, and of a candidate\'s ' +
      'priority groups only the flag `worker.priority` (a priority worker, without saying which group); admin sees `worker.priorityGroups`. ' +
      'Ranked with the weights of the job\'s province (its override, else the global weights); `weightsVersion` names them.',
  })
  @ApiOkResponse({ type: CandidatesResponse })
  @ApiNotFoundResponse({ description: 'JOB.NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'JOB.NOT_YOURS' })
  async candidatesForJob(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MatchesLimitRequest,
  ): Promise<CandidatesResponse> {
    const { weightsVersion, items } = await this.matches.candidatesForJob(principal, id, query.limit ?? 50);
    return { weightsVersion, items: items.map((candidate) => toCandidate(candidate, principal.role)) };
  }
}
