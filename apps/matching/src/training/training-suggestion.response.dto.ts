import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Suggestion } from './training-suggestions';

class SuggestedSkillResponse {
  @ApiProperty({ example: 'welding' }) code: string;
  @ApiPropertyOptional({ example: '焊工' }) name?: string;
}

class OpenedJobResponse {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ example: '钢结构焊工' }) title: string;
}

/** A training course (职业技能培训, 十) suggested to a worker, with the jobs it would open. */
export class TrainingSuggestionResponse {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty({ example: '焊工（初级）培训班' }) title: string;
  @ApiProperty({ type: SuggestedSkillResponse, description: 'The skill the course teaches, one the worker lacks for the jobs listed' })
  skill: SuggestedSkillResponse;
  @ApiProperty({ example: '513401' }) regionCode: string;
  @ApiProperty({ example: '2026-12-15' }) startDate: string;
  @ApiProperty({ example: '2027-01-15' }) endDate: string;
  @ApiProperty() seats: number;
  @ApiProperty({ description: 'Subsidized training (补贴性培训)' }) subsidized: boolean;
  @ApiPropertyOptional({ example: 12.4, description: "From the worker's ≈ 1 km grid point to the centre of the course's region" })
  distanceKm?: number;
  @ApiProperty({ description: "The course is in the province the worker lives in" }) sameProvince: boolean;
  @ApiProperty({ example: 3, description: "How many of the worker's top 50 jobs ask for the skill the worker lacks" }) opensJobCount: number;
  @ApiProperty({ type: [OpenedJobResponse], description: 'Up to 5 of those jobs, best first' }) opensJobs: OpenedJobResponse[];
}

export class TrainingSuggestionsResponse {
  @ApiProperty({ type: [TrainingSuggestionResponse] }) items: TrainingSuggestionResponse[];
}

export const toTrainingSuggestion = ({ course, skill, distanceKm, sameProvince, opensJobs, opensJobCount }: Suggestion): TrainingSuggestionResponse => ({
  courseId: course.courseId,
  title: course.title,
  skill,
  regionCode: course.regionCode,
  startDate: course.startDate,
  endDate: course.endDate,
  seats: course.seats,
  subsidized: course.subsidized,
  ...(distanceKm !== undefined ? { distanceKm } : {}),
  sameProvince,
  opensJobCount,
  opensJobs,
});
