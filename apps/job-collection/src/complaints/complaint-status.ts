import { ERRORS } from '../job-collection.errors';
import { DomainError } from '@laowu/platform';

export const COMPLAINT_KINDS = ['wage_arrears', 'contract', 'injury', 'other'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const COMPLAINT_STATUSES = ['received', 'accepted', 'resolved', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** The statuses a bureau may move a complaint to (`received` is only where it starts). */
export const COMPLAINT_MOVES = ['accepted', 'resolved', 'rejected'] as const;
export type ComplaintMove = (typeof COMPLAINT_MOVES)[number];

/** Still waiting for the bureau: received (受理前) or accepted (已受理, being handled). */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'accepted'];

const ALLOWED: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: ['accepted', 'rejected'],
  accepted: ['resolved', 'rejected'],
  resolved: [],
  rejected: [],
};

export const mayMove = (from: ComplaintStatus, to: ComplaintStatus): boolean => ALLOWED[from].includes(to);

/** received → accepted | rejected, accepted → resolved | rejected; any other move is 409 naming `status`. */
export function assertMayMove(from: ComplaintStatus, to: ComplaintStatus): void {
  if (mayMove(from, to)) return;
  const next = ALLOWED[from];
  throw new DomainError(
    ERRORS.COMPLAINT_STATUS_MOVE,
    `a ${from} complaint cannot become ${to}`,
    409,
    [{ field: 'status', problem: next.length ? `a ${from} complaint can only become ${next.join(' or ')}` : `a ${from} complaint is final` }],
  );
}
