import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, isISO8601, IsOptional, IsString, MaxLength, registerDecorator } from 'class-validator';
import { FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, type FollowUpKind, type FollowUpOutcome } from './follow-up.entity';

const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const NOTE_MAX_LENGTH = 1000;

/** A real ISO-8601 date and time with its UTC offset (`Z` or ±hh:mm): a bare local time would be ambiguous. */
export function IsInstantWithOffset(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstantWithOffset',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT_WITH_OFFSET.test(value) && isISO8601(value, { strict: true }),
        defaultMessage: (args) => `${args?.property} must be an ISO-8601 date and time with its offset, e.g. 2026-11-03T10:00:00+08:00`,
      },
    });
}

/** POST /v1/workers/{id}/follow-ups: one call or visit of the follow-up ledger (帮扶台账, 十三). */
export class RecordFollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_KINDS, description: 'call: 电话联系; visit: 上门走访' })
  @IsIn(FOLLOW_UP_KINDS)
  kind: FollowUpKind;

  @ApiProperty({ example: '2026-11-03T10:00:00+08:00', description: 'when the call or visit took place; with its offset; not in the future (422)' })
  @IsInstantWithOffset()
  at: string;

  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES, description: 'unstable: 就业不稳; unreachable: not reached' })
  @IsIn(FOLLOW_UP_OUTCOMES)
  outcome: FollowUpOutcome;

  @ApiPropertyOptional({
    maxLength: NOTE_MAX_LENGTH,
    example: '在深圳电子厂务工，工资按月发放',
    description: 'free text; phone and ID-like numbers in it are masked before it is stored (encrypted) or shown',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  @NoNulCharacters()
  note?: string;

  @ApiPropertyOptional({ example: '2026-12-03T10:00:00+08:00', description: 'when the next follow-up is due; after `at` (422)' })
  @IsOptional()
  @IsInstantWithOffset()
  nextDueAt?: string;
}
