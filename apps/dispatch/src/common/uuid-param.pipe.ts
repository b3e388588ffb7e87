import { RequestValidationError } from '@laowu/platform';
import { ParseUUIDPipe } from '@nestjs/common';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: name, problem: 'must be a UUID' }]) });
}
