import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { shownError } from '../webhooks/webhook-http';
import { DeliveryEntity, WEBHOOK_STATUSES, WebhookStatus } from './delivery.entity';

export class DeliveryResponse {
  @ApiProperty() deliveryId: string;
  @ApiProperty() matchId: string;
  @ApiProperty({ enum: WEBHOOK_STATUSES }) webhookStatus: WebhookStatus;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional() nextAttemptAt?: string;
  @ApiPropertyOptional({ example: 'HTTP 503', description: '`HTTP <status>`, `address not allowed` or `connection failed`' }) lastError?: string;
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
      lastError: shownError(delivery.lastError),
      createdAt: delivery.createdAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString(),
      data: delivery.payload,
    };
  }
}

export class DeliveryListResponse {
  @ApiProperty({ type: [DeliveryResponse] }) items: DeliveryResponse[];
}

export class RedeliveredResponse {
  @ApiProperty({ type: [String], description: 'The deliveries sent again by this call (none when they were not dead)' }) deliveryIds: string[];
  @ApiProperty({ description: 'More dead deliveries match: call again' }) more: boolean;
}
