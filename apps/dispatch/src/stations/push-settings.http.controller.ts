import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { PushSettingsResponse } from './push-settings.response.dto';
import { PushSettingsService } from './push-settings.service';
import { PutPushSettingsRequest } from './put-push-settings.request.dto';
import { ForOneStation } from './station.access';

@ForOneStation()
@Controller('v1/stations/:id/push-settings')
export class PushSettingsHttpController {
  constructor(private readonly settings: PushSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'What the station is pushed (admin, or the station itself); a station that never chose is pushed everything' })
  @ApiOkResponse({ type: PushSettingsResponse })
  async get(@Param('id') stationId: string): Promise<PushSettingsResponse> {
    return PushSettingsResponse.of(await this.settings.get(stationId));
  }

  @Put()
  @ApiOperation({
    summary: "Replace the station's push settings (every field required)",
    description: 'Applies to matches stored from now on: a trigger turned off, a score below minScore or a job past maxPerJob is not stored or pushed.',
  })
  @ApiOkResponse({ type: PushSettingsResponse })
  @ApiBadRequestResponse({ description: 'details name every failing or unknown field' })
  async replace(@Param('id') stationId: string, @Body() body: PutPushSettingsRequest): Promise<PushSettingsResponse> {
    return PushSettingsResponse.of(await this.settings.replace(stationId, body));
  }
}
