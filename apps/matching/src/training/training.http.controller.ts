import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MatchesLimitRequest } from '../matches/limit.request.dto';
import { toTrainingSuggestion, TrainingSuggestionsResponse } from './training-suggestion.response.dto';
import { TrainingService } from './training.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('v1')
export class TrainingHttpController {
  constructor(private readonly training: TrainingService) {}

  @Get('workers/:id/training-suggestions')
  @Roles('station', 'admin')
  @ApiOperation({
    summary: 'Training courses (职业技能培训, 十) that would open the worker’s best jobs',
    description:
      'The worker\'s top 50 jobs (the ranking of their matches, without the jobs declined for them, ordered without the skills ' +
      'factor), the skills those jobs ask for that the worker lacks or has below the job\'s minimum level, and the open courses ' +
      '(endDate today or later, China time) teaching them in the worker\'s province or within 200 km. Best first: how many of the top ' +
      'jobs the course opens, in the worker\'s province first, nearer, subsidized, starting sooner. A station sees workers it ' +
      'registered or who live in its region (403 WORKER.FORBIDDEN otherwise), as for matches.',
  })
  @ApiOkResponse({ type: TrainingSuggestionsResponse })
  @ApiNotFoundResponse({ description: 'WORKER.NOT_FOUND' })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN' })
  async trainingSuggestions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: MatchesLimitRequest,
  ): Promise<TrainingSuggestionsResponse> {
    const suggestions = await this.training.suggestionsFor(principal, id, query.limit ?? 20);
    return { items: suggestions.map(toTrainingSuggestion) };
  }
}
