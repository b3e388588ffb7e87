import { Roles } from '@laowu/auth';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReindexReport, ReindexService } from './reindex.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin')
export class ReindexHttpController {
  constructor(private readonly reindex: ReindexService) {}

  @Post('reindex')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rebuild the jobs and workers indices from the compacted topics and swap the aliases (admin)',
    description: 'Queries keep working throughout: they use the old index until the atomic alias swap. Answers when both are done.',
  })
  @ApiOkResponse({ description: '[{ alias, index, replaced, documents, caughtUp }]' })
  @ApiConflictResponse({ description: 'REINDEX.RUNNING' })
  async reindexAll(): Promise<{ indices: ReindexReport[] }> {
    return { indices: await this.reindex.reindexAll() };
  }
}
