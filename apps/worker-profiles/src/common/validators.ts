import { isKnownSkill, isMobilePhone, parseResidentId } from '@laowu/domain';
import { normalisePhone } from '../pii/pii-cipher';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A valid resident ID number (GB 11643: 18 characters, check digit, real birth date, known region
 * prefix). The message names the rule broken, never the number itself.
 */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isResidentId',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseResidentId(value).ok,
        defaultMessage: (args) => {
          const parsed = typeof args?.value === 'string' ? parseResidentId(args.value) : undefined;
          return `is not a valid resident ID number: ${parsed && !parsed.ok ? parsed.problem : 'must be a string'}`;
        },
      },
    });
}

/** A mainland mobile number (11 digits, 13–19…). */
export function IsChinaMobile(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isChinaMobile',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isMobilePhone(value),
        defaultMessage: () => 'must be a mainland mobile number: 11 digits starting with 13–19',
      },
    });
}

/** A mainland mobile number however it is written: spaces, dashes, +86 or 0086 allowed (normalisePhone). */
export function IsChinaMobileWritten(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isChinaMobileWritten',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= 32 && isMobilePhone(normalisePhone(value)),
        defaultMessage: () => 'must be a mainland mobile number: 11 digits starting with 13–19 (spaces, dashes and +86 allowed)',
      },
    });
}

/** A skill code of the taxonomy (GET /v1/reference/skills). */
export function IsKnownSkillCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKnownSkillCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownSkill(value),
        defaultMessage: (args) => `${args?.property ?? 'skill'} must be a skill code of the taxonomy (GET /v1/reference/skills)`,
      },
    });
}
