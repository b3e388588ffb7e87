import { ApiProperty } from '@nestjs/swagger';
import { PushSettings } from './push-settings.entity';

export class PushSettingsResponse implements PushSettings {
  @ApiProperty() instant: boolean;
  @ApiProperty() crossRegion: boolean;
  @ApiProperty() workerAvailable: boolean;
  @ApiProperty() minScore: number;
  @ApiProperty() maxPerJob: number;

  static of(settings: PushSettings): PushSettingsResponse {
    const { instant, crossRegion, workerAvailable, minScore, maxPerJob } = settings;
    return { instant, crossRegion, workerAvailable, minScore, maxPerJob };
  }
}
