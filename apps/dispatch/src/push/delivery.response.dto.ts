import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryEntity, WEBHOOK_STATUSES, WebhookStatus } from '../matches/delivery.entity';

export class DeliveryResponse {
  @ApiProperty() deliveryId: string;
  @ApiProperty() matchId: string;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) webhookStatus: WebhookStatus;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional() nextAttemptAt?: string;
  @ApiPropertyOptional() lastError?: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() deliveredAt?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: unknown;

  static of(delivery: DeliveryEntity): DeliveryResponse {
    return {
      deliveryId: delivery.id,
      matchId: delivery.matchId,
      webhookStatus: delivery.webhookStatus,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.webhookStatus === 'pending' ? delivery.dueAt?.toISOString() : undefined,
      lastError: delivery.lastError ?? undefined,
      createdAt: delivery.createdAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString(),
      data: delivery.payload,
    };
  }
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items: DeliveryResponse[];
}
