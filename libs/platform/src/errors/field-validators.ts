import { isCalendarDate } from '@laowu/domain';
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
