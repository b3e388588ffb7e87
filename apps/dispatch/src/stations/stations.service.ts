import { isKnownRegion } from '@laowu/domain';
import { APP_CONFIG, DomainError, FieldProblem } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { ERRORS } from '../dispatch.errors';
import { literalProblem } from '../webhooks/webhook-http';
import { generateWebhookSecret, whsecProblem } from '../webhooks/webhook-signature';
import { CreateStationRequest, StationWebhookRequest } from './create-station.request.dto';
import { StationEntity } from './station.entity';
import { SCHEMA } from '../schema';
import { WebhookSecretCipher } from './webhook-secret.cipher';

export interface StationWebhook {
  url: string;
  /** Every secret that signs: the current one first, then the previous one during a rotation. */
  secrets: string[];
}

export interface RotatedSecret {
  secret: string;
  previousSecretValidUntil: Date | null;
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
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  async register(request: CreateStationRequest): Promise<StationEntity> {
    if (request.webhook) this.checkWebhook(request.webhook);
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.STATION_UNKNOWN_REGION, [{ field: 'regionCode', problem: 'is not a known GB/T 2260 code' }]);
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
    if (!rows.length) throw DomainError.conflict(ERRORS.STATION_ALREADY_EXISTS, `station ${request.id} already exists`, { existingId: request.id });
    return this.get(request.id);
  }

  async get(id: string): Promise<StationEntity> {
    const station = await this.stations.findOneBy({ id });
    if (!station) throw DomainError.notFound(ERRORS.STATION_NOT_FOUND, `station ${id}`);
    return station;
  }

  /** The station's webhook with its secrets in plain form (for signing only; never returned). */
  async webhookOf(id: string): Promise<StationWebhook | undefined> {
    const station = await this.stations.findOneBy({ id });
    if (!station?.webhookUrl || !station.webhookSecretEncrypted) return undefined;
    const secrets = [this.cipher.decrypt(station.webhookSecretEncrypted)];
    if (station.webhookPreviousSecretEncrypted && station.webhookPreviousSecretExpiresAt && station.webhookPreviousSecretExpiresAt > new Date()) {
      secrets.push(this.cipher.decrypt(station.webhookPreviousSecretEncrypted));
    }
    return { url: station.webhookUrl, secrets };
  }

  /**
   * A new generated secret becomes current in one statement; the current one becomes the previous
   * one for `previousValidForSeconds` (0: dropped at once). A rotation during a rotation drops the
   * oldest: never more than two secrets sign.
   */
  async rotateWebhookSecret(id: string, previousValidForSeconds: number): Promise<RotatedSecret> {
    const secret = generateWebhookSecret();
    const rows: { until: Date | null }[] = await this.stations.query(
      `UPDATE "${SCHEMA}".stations
       SET webhook_previous_secret_encrypted = CASE WHEN $3::int > 0 THEN webhook_secret_encrypted END,
           webhook_previous_secret_expires_at = CASE WHEN $3::int > 0 THEN now() + $3::int * interval '1 second' END,
           webhook_secret_encrypted = $2
       WHERE id = $1 AND webhook_url IS NOT NULL
       RETURNING webhook_previous_secret_expires_at AS until`,
      [id, this.cipher.encrypt(secret), previousValidForSeconds],
    ).then((result) => affectedRows<{ until: Date | null }>(result));
    if (!rows.length) throw await this.noWebhook(id);
    return { secret, previousSecretValidUntil: rows[0].until };
  }

  /** Only the current secret signs from now on; nothing to do outside a rotation. */
  async finishWebhookSecretRotation(id: string): Promise<void> {
    const rows = await this.stations.query(
      `UPDATE "${SCHEMA}".stations SET webhook_previous_secret_encrypted = NULL, webhook_previous_secret_expires_at = NULL
       WHERE id = $1 AND webhook_url IS NOT NULL RETURNING id`,
      [id],
    ).then(affectedRows);
    if (!rows.length) throw await this.noWebhook(id);
  }

  private async noWebhook(id: string): Promise<DomainError> {
    await this.get(id);
    return DomainError.conflict(ERRORS.STATION_NO_WEBHOOK, `station ${id} has no webhook`);
  }

  /** 400 naming the field: a URL the dispatcher would refuse to connect to, a malformed whsec_ secret. */
  private checkWebhook(webhook: StationWebhookRequest): void {
    const problems: FieldProblem[] = [];
    const allowPrivate = this.config.webhookAllowPrivateAddresses;
    const url = URL.canParse(webhook.url) ? new URL(webhook.url) : undefined;
    if (!url) problems.push({ field: 'webhook.url', problem: 'must be a valid URL' });
    else if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
      problems.push({ field: 'webhook.url', problem: allowPrivate ? 'must be an http or https URL' : 'must be an https URL' });
    } else {
      const literal = literalProblem(url, allowPrivate);
      if (literal) problems.push({ field: 'webhook.url', problem: `must point to a public address (${literal})` });
    }
    const secret = whsecProblem(webhook.secret);
    if (secret) problems.push({ field: 'webhook.secret', problem: secret });
    if (problems.length) throw DomainError.invalid(ERRORS.STATION_WEBHOOK_NOT_ALLOWED, problems);
  }
}

/** `UPDATE … RETURNING` through query(): TypeORM's postgres driver answers [rows, count]. */
function affectedRows<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
