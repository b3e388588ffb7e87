import { JobKind } from '@laowu/contracts';
import { isISO8601, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** 乡村公益性岗位: each contract lasts at most one year (policy 十六). */
export const PUBLIC_WELFARE_MAX_TERM_MS = 366 * 24 * 3600 * 1000;

/** Kinds whose term must be known: gig work (零工) runs from startAt to endAt; public-welfare posts are capped. */
export const KINDS_WITH_TERM: readonly JobKind[] = ['gig', 'public_welfare'];

function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

/** `max` of a range may not be below its `min` (wage, age). */
@ValidatorConstraint({ name: 'notBelowMin' })
export class NotBelowMin implements ValidatorConstraintInterface {
  validate(max: unknown, args: ValidationArguments): boolean {
    const min = (args.object as { min?: unknown }).min;
    return typeof max !== 'number' || typeof min !== 'number' || max >= min;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not be less than min`;
  }
}

/** lat and lon come together or not at all (then the region's centre is used). */
@ValidatorConstraint({ name: 'latLonTogether' })
export class LatLonTogether implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    const { lat, lon } = args.object as { lat?: unknown; lon?: unknown };
    return (lat == null) === (lon == null); // null counts as absent, as for @IsOptional
  }

  defaultMessage(): string {
    return 'lat and lon must be given together (or both left out to use the region centre)';
  }
}

@ValidatorConstraint({ name: 'endsAfterStart' })
export class EndsAfterStart implements ValidatorConstraintInterface {
  validate(endAt: unknown, args: ValidationArguments): boolean {
    const start = time((args.object as { startAt?: unknown }).startAt);
    const end = time(endAt);
    return Number.isNaN(start) || Number.isNaN(end) || start < end;
  }

  defaultMessage(): string {
    return 'endAt must be after startAt';
  }
}

/** Checked against the clock: a job that has already ended cannot be posted. */
@ValidatorConstraint({ name: 'inTheFuture' })
export class InTheFuture implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    const at = time(value);
    return Number.isNaN(at) || at > Date.now();
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be in the future`;
  }
}

@ValidatorConstraint({ name: 'publicWelfareTerm' })
export class PublicWelfareTerm implements ValidatorConstraintInterface {
  validate(endAt: unknown, args: ValidationArguments): boolean {
    const job = args.object as { kind?: unknown; startAt?: unknown };
    if (job.kind !== 'public_welfare') return true;
    const start = time(job.startAt);
    const end = time(endAt);
    return Number.isNaN(start) || Number.isNaN(end) || end - start <= PUBLIC_WELFARE_MAX_TERM_MS;
  }

  defaultMessage(): string {
    return 'a public_welfare post lasts at most one year (endAt − startAt ≤ 1 year, policy 十六)';
  }
}

@ValidatorConstraint({ name: 'noAgeRangeForPublicWelfare' })
export class NoAgeRangeForPublicWelfare implements ValidatorConstraintInterface {
  validate(ageRange: unknown, args: ValidationArguments): boolean {
    return ageRange === undefined || (args.object as { kind?: unknown }).kind !== 'public_welfare';
  }

  defaultMessage(): string {
    return 'a public_welfare post may not set an age range (policy 十六)';
  }
}

/** startAt / endAt: one problem per field, saying "required" when it is missing for gig and public_welfare. */
@ValidatorConstraint({ name: 'termTimestamp' })
export class TermTimestamp implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isISO8601(value, { strict: true });
  }

  defaultMessage(args: ValidationArguments): string {
    return args.value === undefined
      ? `${args.property} is required for ${KINDS_WITH_TERM.join(' and ')} jobs`
      : `${args.property} must be an ISO-8601 date-time`;
  }
}

/**
 * A CNY amount with at most two decimals (fen). Not class-validator's maxDecimalPlaces, which
 * throws on numbers JSON writes in exponent form (1e-7) and so turned bad input into a 500.
 */
@ValidatorConstraint({ name: 'cnyAmount' })
export class CnyAmount implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const fen = value * 100;
    return Math.abs(fen - Math.round(fen)) < 1e-6;
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be an amount in CNY with at most two decimals`;
  }
}
