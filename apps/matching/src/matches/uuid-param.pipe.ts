import { DomainError } from '@laowu/platform';
import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';

/** A path id must be a UUID: 400 naming the field otherwise (never a search for garbage). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw DomainError.invalid('REQUEST.INVALID', [{ field: 'id', problem: 'id must be a UUID' }]);
    return value;
  }
}
