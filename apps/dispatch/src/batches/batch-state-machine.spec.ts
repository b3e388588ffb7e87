import { BATCH_STATES, type BatchState } from '@laowu/contracts';
import { BATCH_ACTIONS, type BatchAction, nextState } from './batch-state-machine';

const ALLOWED: [BatchState, BatchAction, BatchState][] = [
  ['planned', 'board', 'boarding'],
  ['boarding', 'board', 'boarding'],
  ['boarding', 'depart', 'departed'],
  ['departed', 'arrive', 'arrived'],
  ['arrived', 'arrive', 'arrived'],
  ['arrived', 'close', 'closed'],
  ['planned', 'cancel', 'cancelled'],
  ['boarding', 'cancel', 'cancelled'],
  ['departed', 'cancel', 'cancelled'],
];

describe('batch state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => expect(nextState(from, action)).toBe(to));

  it('refuses every other transition', () => {
    for (const state of BATCH_STATES) {
      for (const action of BATCH_ACTIONS) {
        if (ALLOWED.some(([from, a]) => from === state && a === action)) continue;
        expect({ state, action, next: nextState(state, action) }).toEqual({ state, action, next: undefined });
      }
    }
  });

  it('cannot cancel once arrived, and nothing leaves closed or cancelled', () => {
    expect(nextState('arrived', 'cancel')).toBeUndefined();
    for (const action of BATCH_ACTIONS) {
      expect(nextState('closed', action)).toBeUndefined();
      expect(nextState('cancelled', action)).toBeUndefined();
    }
  });
});
