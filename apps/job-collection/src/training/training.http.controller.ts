import { CurrentPrincipal, type Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ListTrainingCoursesRequest } from './list-training-courses.request.dto';
import { PostTrainingCourseRequest } from './post-training-course.request.dto';
import { TrainingCoursePageResponse, TrainingCourseResponse, toTrainingCourseResponse } from './training-course.response.dto';
import { TrainingService } from './training.service';

/** 职业技能培训 (十): courses bureaus and stations post; matching suggests them to workers who lack the skill. */
@ApiTags('training')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({ description: 'Rate limit per principal exceeded' })
@Controller('v1/training/courses')
export class TrainingHttpController {
  constructor(private readonly training: TrainingService) {}

  @Post()
  @Roles('bureau', 'station')
  @ApiOperation({
    summary: 'Post a training course (bureau, station) in your region',
    description:
      "regionCode must lie inside the caller's region (403 REGION.FORBIDDEN) and be known (422 REGION.UNKNOWN); skillCode a " +
      'taxonomy skill (422 TRAINING.UNKNOWN_SKILL); endDate on or after startDate (400). Publishes TrainingCourseChanged on laowu.reference.v1.',
  })
  @ApiCreatedResponse({ type: TrainingCourseResponse, description: 'The course, with its id' })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN (regionCode); TRAINING.UNKNOWN_SKILL (skillCode)' })
  async post(@CurrentPrincipal() principal: Principal, @Body() body: PostTrainingCourseRequest): Promise<TrainingCourseResponse> {
    return toTrainingCourseResponse(await this.training.post(principal, body));
  }

  @Get()
  @ApiOperation({ summary: 'Training courses (any signed-in principal): open ones by default, inside regionCode, of skillCode; by start date' })
  @ApiOkResponse({ type: TrainingCoursePageResponse })
  async list(@Query() query: ListTrainingCoursesRequest): Promise<TrainingCoursePageResponse> {
    const { items, total } = await this.training.list(query);
    return { items: items.map(toTrainingCourseResponse), page: query.page, pageSize: query.pageSize, total };
  }

  @Post(':id/close')
  @Roles('bureau', 'station', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Close a course (the bureau of its region, the station that posted it, admin)",
    description: 'Publishes TrainingCourseChanged with status closed; closing a closed course changes nothing. Others get 403 whether it exists or not.',
  })
  @ApiOkResponse({ type: TrainingCourseResponse })
  @ApiForbiddenResponse({ description: 'TRAINING.COURSE_NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'TRAINING.COURSE_NOT_FOUND (admin only)' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<TrainingCourseResponse> {
    return toTrainingCourseResponse(await this.training.close(principal, id));
  }
}
