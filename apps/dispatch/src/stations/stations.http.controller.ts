import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStationRequest } from './create-station.request.dto';
import { assertActsForStation } from './station-access';
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
  @ApiOperation({ summary: 'Register an employment service station (admin); optional signed webhook' })
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
