import { DomainError } from '@laowu/platform';
import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** A path id that is not a UUID is bad input (400 naming `id`), not a missing job. */
@Injectable()
export class JobIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw DomainError.invalid('REQUEST.INVALID', [{ field: 'id', problem: 'id must be a UUID' }]);
    return value;
  }
}
