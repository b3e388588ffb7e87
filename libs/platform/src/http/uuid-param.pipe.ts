import { type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { RequestValidationError } from '../errors/validation';

/**
 * A UUID path parameter: anything else is a 400 naming the parameter (never a lookup of garbage),
 * worded as class-validator words a UUID field of a body.
 */
export function uuidParam(name: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!isUUID(value)) throw new RequestValidationError([{ field: name, problem: `${name} must be a UUID` }]);
      return value;
    },
  };
}
