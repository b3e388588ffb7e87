import { DomainError } from '@laowu/platform';
import { assertMayMove, COMPLAINT_STATUSES, type ComplaintStatus, mayMove } from './complaint-status';

describe('complaint status moves (维权)', () => {
  const legal: [ComplaintStatus, ComplaintStatus][] = [
    ['received', 'accepted'],
    ['received', 'rejected'],
    ['accepted', 'resolved'],
    ['accepted', 'rejected'],
  ];

  it('allows exactly the four moves of the workflow', () => {
    const allowed = COMPLAINT_STATUSES.flatMap((from) => COMPLAINT_STATUSES.filter((to) => mayMove(from, to)).map((to) => [from, to]));
    expect(allowed).toEqual(legal);
  });

  it('refuses any other move with 409 naming status', () => {
    for (const [from, to] of [['received', 'resolved'], ['resolved', 'rejected'], ['rejected', 'accepted'], ['accepted', 'accepted']] as const) {
      let caught: unknown;
      try {
        assertMayMove(from, to);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({ status: 409, code: 'COMPLAINT.STATUS_MOVE_NOT_ALLOWED', details: [{ field: 'status' }] });
    }
  });
});
