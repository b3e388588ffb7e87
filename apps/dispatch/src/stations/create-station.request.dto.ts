import { GeoPointData } from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class StationWebhookRequest {
  @ApiProperty({
    example: 'https://station.example.cn/laowu/matches',
    description:
      'https only (http too where WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true, a development setting). A literal loopback, private, link-local, ' +
      'CGNAT, multicast or otherwise non-public address (IPv4-mapped IPv6 forms included) or `localhost` is a 400 naming webhook.url; ' +
      'a name is resolved and checked again on every connection, and a delivery to a non-public address fails with `address not allowed`.',
  })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  @NoNulCharacters()
  url: string;

  @ApiProperty({
    description:
      'Shared signing secret; stored encrypted, never returned. Preferably in the Standard Webhooks form, `whsec_` + base64 of 24–64 random bytes ' +
      '(the HMAC key is then the decoded bytes, as the Standard Webhooks libraries expect); any other secret is used as its UTF-8 bytes. ' +
      'POST /v1/stations/{id}/webhook-secret/rotate replaces it with a generated one.',
    minLength: 16,
  })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret: string;
}

export class CreateStationRequest {
  @ApiProperty({ example: 'station-513401-01' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'id must be 1–100 letters, digits, dot, dash or underscore' })
  id: string;

  @ApiProperty({ example: '西昌市就业服务站' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoNulCharacters()
  name: string;

  @ApiProperty({ example: '513401', description: 'GB/T 2260 code (422 when unknown)' })
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiProperty({ type: GeoPointData })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => GeoPointData)
  location: GeoPointData;

  @ApiPropertyOptional({ type: StationWebhookRequest })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => StationWebhookRequest)
  webhook?: StationWebhookRequest;
}
