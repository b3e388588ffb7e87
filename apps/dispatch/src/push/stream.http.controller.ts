import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { RequestValidationError } from '@laowu/platform';
import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertActsForStation } from '../stations/station.access';
import { StreamsService } from './streams.service';

const EVENT_ID = /^\d{1,18}$/;

@ApiTags('push')
@ApiBearerAuth()
@Controller('v1/stations')
export class StreamHttpController {
  constructor(private readonly streams: StreamsService) {}

  @Get(':id/stream')
  @Roles('station', 'admin')
  @ApiOperation({
    summary: "The station's live matches (Server-Sent Events)",
    description:
      'Each event: `id:` delivery id (ascending per station), `event: match`, `data:` { matchId, jobId, workerId, score, reasons, job, ' +
        'trigger (instant_job | cross_region_job | worker_available), lane (instant | standard), createdAt, weightsVersion (the ranking weights version matching ranked it with; absent on matches pushed before it recorded one) }. ' +
      'Comment lines (`: heartbeat`) every SSE_HEARTBEAT_MS. Reconnect with `Last-Event-ID` (or `?lastEventId=` where headers cannot be set) ' +
      'to receive everything after that id, then live; `0` replays everything stored for the station. Without either, the stream starts now. ' +
      'A client that stops reading is disconnected and catches up on reconnect. ' +
      'At most SSE_MAX_STREAMS_PER_STATION (default 5) streams per station are open on one instance: opening one more ends the ' +
      "station's oldest stream, which first receives `retry: 30000`, `event: closed`, `data: {\"reason\": \"STREAM.SUPERSEDED\", \"maxStreamsPerStation\": 5}` " +
      '(a client should not reconnect on that event unless it means to replace a newer stream).',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiQuery({ name: 'lastEventId', required: false })
  async stream(
    @Param('id') stationId: string,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ): Promise<void> {
    assertActsForStation(principal, stationId);
    const lastEventId = header ?? query;
    if (lastEventId !== undefined && !EVENT_ID.test(lastEventId)) {
      throw new RequestValidationError([{ field: header !== undefined ? 'Last-Event-ID' : 'lastEventId', problem: 'must be a delivery id (digits)' }]);
    }
    await this.streams.open(res, stationId, lastEventId);
  }
}
