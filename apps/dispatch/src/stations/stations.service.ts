import { isKnownRegion } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CreateStationRequest } from './create-station.request.dto';
import { StationEntity } from './station.entity';
import { WebhookSecretCipher } from './webhook-secret.cipher';

export interface StationWebhook {
  url: string;
  secret: string;
}

/**
 * The station registry. Registration is one INSERT: a crash either registers the station or
 * not. Matches stored before a station registers are kept and replay on its first stream.
 */
@Injectable()
export class StationsService {
  constructor(
    @InjectRepository(StationEntity) private readonly stations: Repository<StationEntity>,
    private readonly cipher: WebhookSecretCipher,
  ) {}

  async register(request: CreateStationRequest): Promise<StationEntity> {
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable('STATION.UNKNOWN_REGION', [{ field: 'regionCode', problem: 'is not a known GB/T 2260 code' }]);
    }
    const rows: StationEntity[] = await this.stations
      .createQueryBuilder()
      .insert()
      .values({
        id: request.id,
        name: request.name,
        regionCode: request.regionCode,
        lat: request.location.lat,
        lon: request.location.lon,
        webhookUrl: request.webhook?.url ?? null,
        webhookSecretEncrypted: request.webhook ? this.cipher.encrypt(request.webhook.secret) : null,
      })
      .orIgnore()
      .returning('*')
      .execute()
      .then((result) => result.raw);
    if (!rows.length) throw DomainError.conflict('STATION.ALREADY_EXISTS', `station ${request.id} already exists`, { existingId: request.id });
    return this.get(request.id);
  }

  async get(id: string): Promise<StationEntity> {
    const station = await this.stations.findOneBy({ id });
    if (!station) throw DomainError.notFound('STATION.NOT_FOUND', `station ${id}`);
    return station;
  }

  /** The station's webhook with its secret in plain form (for signing only; never returned). */
  async webhookOf(id: string): Promise<StationWebhook | undefined> {
    const station = await this.stations.findOneBy({ id });
    if (!station?.webhookUrl || !station.webhookSecretEncrypted) return undefined;
    return { url: station.webhookUrl, secret: this.cipher.decrypt(station.webhookSecretEncrypted) };
  }
}
