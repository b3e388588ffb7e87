import { isKnownSkill, isMobilePhone, normalisePhone, parseResidentId } from '@laowu/domain';
import { CommaSeparatedUuids } from '@laowu/platform';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A property decorator from a test and a message (one registerDecorator block for all of them). */
function stringRule(name: string, test: (value: string) => boolean, message: (args?: ValidationArguments) => string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options,
        validator: { validate: (value: unknown) => typeof value === 'string' && test(value), defaultMessage: message },
      });
}

/**
 * A valid resident ID number (GB 11643: 18 characters, check digit, real birth date, known region
 * prefix). The message names the rule broken, never the number itself.
 */
export const IsResidentId = stringRule(
  'isResidentId',
  (value) => parseResidentId(value).ok,
  (args) => {
    const parsed = typeof args?.value === 'string' ? parseResidentId(args.value) : undefined;
    return `is not a valid resident ID number: ${parsed && !parsed.ok ? parsed.problem : 'must be a string'}`;
  },
);

/** A mainland mobile number (11 digits, 13–19…). */
export const IsChinaMobile = stringRule('isChinaMobile', isMobilePhone, () => 'must be a mainland mobile number: 11 digits starting with 13–19');

/** A mainland mobile number however it is written: spaces, dashes, +86 or 0086 allowed (normalisePhone). */
export const IsChinaMobileWritten = stringRule(
  'isChinaMobileWritten',
  (value) => value.length <= 32 && isMobilePhone(normalisePhone(value)),
  () => 'must be a mainland mobile number: 11 digits starting with 13–19 (spaces, dashes and +86 allowed)',
);

/** A skill code of the taxonomy (GET /v1/reference/skills). */
export const IsKnownSkillCode = stringRule(
  'isKnownSkillCode',
  isKnownSkill,
  (args) => `${args?.property ?? 'skill'} must be a skill code of the taxonomy (GET /v1/reference/skills)`,
);

/** Most workers one request may name by id (a page of the console's feed or a batch's manifest). */
export const MAX_WORKER_IDS = 100;

/** `workerIds=a,b,c` in a query: at most MAX_WORKER_IDS UUIDs, a clear 400 naming the field otherwise. */
export const CommaSeparatedWorkerIds = (): PropertyDecorator => CommaSeparatedUuids({ max: MAX_WORKER_IDS });
