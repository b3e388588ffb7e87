import { ApiProperty } from '@nestjs/swagger';
import { RotatedSecret } from './stations.service';

export class RotatedWebhookSecretResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3cq4P8Tz4Xw=',
    description: 'The new signing secret (`whsec_` + base64 of 32 random bytes, the Standard Webhooks form). Shown this once, never again.',
  })
  secret: string;

  @ApiProperty({ type: String, nullable: true, description: 'Until when the previous secret also signs; null when it stopped at once' })
  previousSecretValidUntil: string | null;

  static of(rotated: RotatedSecret): RotatedWebhookSecretResponse {
    return { secret: rotated.secret, previousSecretValidUntil: rotated.previousSecretValidUntil?.toISOString() ?? null };
  }
}
