import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, Max, Min } from 'class-validator';
import { MAX_MIN_SCORE, MAX_PER_JOB_LIMIT, PushSettings } from './push-settings.entity';

/** A full replace: every field required, so a client never turns something off by leaving it out. */
export class PutPushSettingsRequest implements PushSettings {
  @ApiProperty({ example: true, description: 'Push instant jobs (即时快招, trigger instant_job)' })
  @IsBoolean()
  instant: boolean;

  @ApiProperty({ example: true, description: "Push cross-region jobs recruiting from the station's region (trigger cross_region_job)" })
  @IsBoolean()
  crossRegion: boolean;

  @ApiProperty({ example: true, description: "Push a worker's top jobs when the worker becomes available (trigger worker_available)" })
  @IsBoolean()
  workerAvailable: boolean;

  @ApiProperty({ example: 0, minimum: 0, maximum: MAX_MIN_SCORE, description: 'Matches scoring below this are not pushed' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_MIN_SCORE)
  minScore: number;

  @ApiProperty({ example: 50, minimum: 1, maximum: MAX_PER_JOB_LIMIT, description: 'At most this many matches per job (and material version) are pushed, best first' })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_JOB_LIMIT)
  maxPerJob: number;
}
