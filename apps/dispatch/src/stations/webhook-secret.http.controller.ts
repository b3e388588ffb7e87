import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DEFAULT_PREVIOUS_SECRET_SECONDS, RotateWebhookSecretRequest } from './rotate-webhook-secret.request.dto';
import { ForOneStation } from './station.access';
import { StationsService } from './stations.service';
import { RotatedWebhookSecretResponse } from './webhook-secret.response.dto';

@ForOneStation()
@ApiConflictResponse({ description: 'STATION.NO_WEBHOOK: the station registered no webhook' })
@Controller('v1/stations/:id/webhook-secret')
export class WebhookSecretHttpController {
  constructor(private readonly stations: StationsService) {}

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: "Replace the station's webhook signing secret (admin, or the station itself)",
    description:
      'Generates a new secret and returns it once. The secret it replaces keeps signing beside it until `previousSecretValidUntil` ' +
      '(or POST …/finish-rotation): meanwhile `webhook-signature` carries two entries, `v1,<new> v1,<previous>`, and the deprecated ' +
      '`X-Laowu-Signature` two `v1=` values, so a receiver can switch secrets without losing a delivery. Rotating again during a ' +
      'rotation drops the oldest secret.',
  })
  @ApiOkResponse({ type: RotatedWebhookSecretResponse })
  @ApiBadRequestResponse({ description: 'details name every failing or unknown field' })
  async rotate(@Param('id') stationId: string, @Body() body: RotateWebhookSecretRequest): Promise<RotatedWebhookSecretResponse> {
    const seconds = body.previousSecretValidForSeconds ?? DEFAULT_PREVIOUS_SECRET_SECONDS;
    return RotatedWebhookSecretResponse.of(await this.stations.rotateWebhookSecret(stationId, seconds));
  }

  @Post('finish-rotation')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop signing with the previous secret now (admin, or the station itself); nothing to do outside a rotation' })
  @ApiNoContentResponse()
  async finish(@Param('id') stationId: string): Promise<void> {
    await this.stations.finishWebhookSecretRotation(stationId);
  }
}
