import { type PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../errors/validation';

/**
 * A path parameter of a fixed shape (a region code, a province code): anything else is a 400
 * naming the parameter, before any lookup; whether a well-shaped value exists is the service's 422/404.
 */
export function patternParam(name: string, pattern: RegExp, problem: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!pattern.test(value)) throw new RequestValidationError([{ field: name, problem }]);
      return value;
    },
  };
}
