import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StationEntity } from './station.entity';

export class StationResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() location: { lat: number; lon: number };
  @ApiPropertyOptional({ description: 'The webhook URL; the secret is never returned' })
  webhook?: { url: string; hasSecret: true };
  @ApiProperty() createdAt: string;

  static of(station: StationEntity): StationResponse {
    return {
      id: station.id,
      name: station.name,
      regionCode: station.regionCode,
      location: { lat: station.lat, lon: station.lon },
      webhook: station.webhookUrl ? { url: station.webhookUrl, hasSecret: true } : undefined,
      createdAt: station.createdAt.toISOString(),
    };
  }
}
