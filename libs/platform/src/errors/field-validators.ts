import { contactPhone, isCalendarDate } from '@laowu/domain';
import { registerDecorator, type ValidationOptions } from 'class-validator';

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
