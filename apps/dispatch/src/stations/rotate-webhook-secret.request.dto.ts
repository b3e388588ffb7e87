import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PREVIOUS_SECRET_SECONDS = 86_400;
export const MAX_PREVIOUS_SECRET_SECONDS = 7 * 86_400;

export class RotateWebhookSecretRequest {
  @ApiPropertyOptional({
    default: DEFAULT_PREVIOUS_SECRET_SECONDS,
    minimum: 0,
    maximum: MAX_PREVIOUS_SECRET_SECONDS,
    description: 'How long the secret being replaced keeps signing beside the new one (0: stops at once)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PREVIOUS_SECRET_SECONDS)
  previousSecretValidForSeconds?: number;
}
