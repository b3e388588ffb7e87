import { DomainError } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsChinaMobileWritten, IsResidentId } from '../common/validators';
import { ERRORS } from '../worker-profiles.errors';

/**
 * POST /v1/workers/lookup: exactly one of a resident ID number and a mobile number. A POST, so the
 * number is never in a URL or an access log.
 */
export class LookupWorkersRequest {
  @ApiPropertyOptional({ example: '510102199001011234', description: 'GB 11643 resident ID number (an x may be lower-case)' })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;

  @ApiPropertyOptional({ example: '+86 138-0000-0000', description: 'mainland mobile number; spaces, dashes and +86 / 0086 are ignored' })
  @IsOptional()
  @IsChinaMobileWritten()
  phone?: string;
}

export type LookupKey = { idNumber: string } | { phone: string };

/** The one number to look up; 400 naming both fields when neither or both are given. */
export function lookupKey(request: LookupWorkersRequest): LookupKey {
  const { idNumber, phone } = request;
  // null counts as absent, as for @IsOptional
  if ((idNumber == null) === (phone == null)) {
    const problem = 'give exactly one of idNumber and phone';
    throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: 'idNumber', problem }, { field: 'phone', problem }]);
  }
  return idNumber != null ? { idNumber } : { phone: phone! };
}
