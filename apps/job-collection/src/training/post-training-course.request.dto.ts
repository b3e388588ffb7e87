import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN } from '@laowu/contracts';
import { IsCalendarDate, NoNulCharacters } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const MAX_COURSE_SEATS = 10_000;

export class PostTrainingCourseRequest {
  @ApiProperty({ example: '焊工（电焊）初级培训班', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoNulCharacters()
  title: string;

  @ApiProperty({ example: 'welding', description: 'A skill of GET /v1/reference/skills (422 TRAINING.UNKNOWN_SKILL otherwise)' })
  @IsString()
  @Matches(SKILL_CODE_PATTERN, { message: 'skillCode must be a skill code (lowercase letters, digits, dashes)' })
  skillCode: string;

  @ApiProperty({ example: '513401', description: "Where it is held: a known GB/T 2260 code inside the caller's region (403 REGION.FORBIDDEN)" })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiProperty({ example: '2027-01-10' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2027-01-24', description: 'On or after startDate' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ example: 40, minimum: 1, maximum: MAX_COURSE_SEATS })
  @IsInt()
  @Min(1)
  @Max(MAX_COURSE_SEATS)
  seats: number;

  @ApiProperty({ description: '补贴性培训: free or subsidised for the trainee' })
  @IsBoolean()
  subsidized: boolean;
}
