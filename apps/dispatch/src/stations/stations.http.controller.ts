import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStationRequest } from './create-station.request.dto';
import { assertActsForStation } from './station.access';
import { StationResponse } from './station.response.dto';
import { StationsService } from './stations.service';

@ApiTags('stations')
@ApiBearerAuth()
@Controller('v1/stations')
export class StationsHttpController {
  constructor(private readonly stations: StationsService) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Register an employment service station (admin); optional signed webhook',
    description:
      'Each match is POSTed to the webhook as `{ id, event: "match", data }` (data as on the SSE stream), signed per Standard Webhooks: ' +
      '`webhook-id` (the delivery id, the same on every retry: dedupe on it), `webhook-timestamp` (unix seconds of the attempt) and ' +
      '`webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">` (one entry per valid secret, space-separated). ' +
      '**Deprecated**, sent for this version only beside them: `X-Laowu-Delivery` (= webhook-id) and ' +
      '`X-Laowu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; move to the Standard Webhooks headers. ' +
      'A 2xx within WEBHOOK_TIMEOUT_MS accepts a delivery (at most 64 KiB of the reply is read); anything else is retried with backoff, ' +
      'then dead-lettered (GET …/deliveries?status=dead, POST …/deliveries/redeliver). See docs/WEBHOOKS.md.',
  })
  @ApiCreatedResponse({ type: StationResponse })
  @ApiConflictResponse({ description: 'STATION.ALREADY_EXISTS' })
  async register(@Body() body: CreateStationRequest): Promise<StationResponse> {
    return StationResponse.of(await this.stations.register(body));
  }

  @Get(':id')
  @Roles('admin', 'station')
  @ApiOperation({ summary: 'A station (admin, or the station itself)' })
  @ApiOkResponse({ type: StationResponse })
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<StationResponse> {
    assertActsForStation(principal, id);
    return StationResponse.of(await this.stations.get(id));
  }
}
