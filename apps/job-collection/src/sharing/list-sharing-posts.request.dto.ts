import { SHARING_POST_STATUSES, SharingPostStatus } from '@laowu/contracts';
import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListSharingPostsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: SHARING_POST_STATUSES })
  @IsOptional()
  @IsIn(SHARING_POST_STATUSES)
  status?: SharingPostStatus;
}
