import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';
import { Matches } from 'class-validator';
import { type FieldProblem } from './domain-error';

export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({ field, problem }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly details: FieldProblem[]) {
    super({ message: 'Request validation failed', details });
  }
}

/** Whitelist, forbid unknown fields, and report every failing field (not just the first). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}

/** PostgreSQL text cannot hold U+0000: refuse it as bad input (400) rather than fail at the database (500). */
export const NoNulCharacters = (): PropertyDecorator => Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' });
