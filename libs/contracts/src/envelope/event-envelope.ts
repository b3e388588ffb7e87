import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/**
 * The envelope every Laowu event travels in. `data` is validated separately, against the
 * contract registered for `type` (see registry.ts).
 */
export class EventEnvelope<TData = unknown> {
  @IsUUID()
  id: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  schemaVersion: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  producer: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  key: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;

  @IsDefined()
  @IsObject()
  @Type(() => Object)
  data: TData;
}

/** Kafka header names that mirror envelope fields, so tools can route without parsing bodies. */
export const EVENT_HEADERS = {
  eventId: 'laowu-event-id',
  eventType: 'laowu-event-type',
  correlationId: 'x-correlation-id',
} as const;
