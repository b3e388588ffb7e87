import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StationEntity } from './station.entity';

export class StationResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() location: { lat: number; lon: number };
  @ApiPropertyOptional({
    description: 'The webhook URL; the secret is never returned. `previousSecretValidUntil`: during a secret rotation, until when the previous secret also signs',
    example: { url: 'https://station.example.cn/laowu/matches', hasSecret: true },
  })
  webhook?: { url: string; hasSecret: true; previousSecretValidUntil?: string };
  @ApiProperty() createdAt: string;

  static of(station: StationEntity): StationResponse {
    return {
      id: station.id,
      name: station.name,
      regionCode: station.regionCode,
      location: { lat: station.lat, lon: station.lon },
      webhook: station.webhookUrl ? { url: station.webhookUrl, hasSecret: true, previousSecretValidUntil: previousSecretValidUntil(station) } : undefined,
      createdAt: station.createdAt.toISOString(),
    };
  }
}

function previousSecretValidUntil(station: StationEntity): string | undefined {
  const until = station.webhookPreviousSecretExpiresAt;
  return station.webhookPreviousSecretEncrypted && until && until > new Date() ? until.toISOString() : undefined;
}
