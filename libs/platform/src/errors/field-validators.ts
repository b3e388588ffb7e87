import { contactPhone, isCalendarDate } from '@laowu/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, registerDecorator, type ValidationOptions } from 'class-validator';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => '$property must be a real date written YYYY-MM-DD',
      },
    });
}

/** The largest amount of money accepted (CNY): wages of a placement, income figures, monitoring lines. */
export const MAX_CNY_AMOUNT = 10_000_000;

/**
 * An amount in CNY with at most two decimals (fen). Not class-validator's maxDecimalPlaces, which
 * throws on numbers JSON writes in exponent form (1e-7) and so turns bad input into a 500.
 */
export function IsCnyAmount(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCnyAmount',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
        defaultMessage: (args) => `${args?.property ?? 'amount'} must be an amount in CNY with at most two decimals`,
      },
    });
}

/**
 * A phone number people can be called on: a mainland mobile, or a landline with its area code
 * (contactPhone in @laowu/domain; spaces, dashes, brackets and +86 allowed). The message names the
 * rule, never the number.
 */
export function IsContactPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isContactPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && contactPhone(value) !== undefined,
        defaultMessage: () => '$property must be a mainland mobile number (11 digits starting with 13–19) or a landline with its area code (0834-2345678)',
      },
    });
}

/** `a,b` or `ids=a&ids=b` (or both) → ['a', 'b']; anything else is left for the validators to refuse. */
function idList({ value }: { value: unknown }): unknown {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  if (!parts) return value;
  return parts.flatMap((part) => part.split(',')).map((id) => id.trim()).filter(Boolean);
}

/**
 * Ids in a query string, written `a,b` or `ids=a&ids=b`: `min` to `max` UUIDs as written (an id
 * written twice counts twice); a 400 naming the field otherwise.
 */
export function CommaSeparatedUuids({ min = 0, max }: { min?: number; max: number }): PropertyDecorator {
  return (target, propertyName) => {
    Transform(idList)(target, propertyName);
    IsArray({ message: '$property must be comma-separated UUIDs' })(target, propertyName);
    if (min > 0) ArrayMinSize(min, { message: `$property must name at least ${min}` })(target, propertyName);
    ArrayMaxSize(max, { message: `$property must hold at most ${max} ids` })(target, propertyName);
    IsUUID('all', { each: true, message: '$property must be comma-separated UUIDs' })(target, propertyName);
  };
}
