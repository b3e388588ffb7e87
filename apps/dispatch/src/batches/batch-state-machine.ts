import { type BatchState } from '@laowu/contracts';

export const BATCH_ACTIONS = ['board', 'depart', 'arrive', 'close', 'cancel'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

/**
 * planned → boarding → departed → arrived → closed; cancelled from any state before arrived.
 * `board` while boarding and `arrive` while arrived record further per-worker check-ins and
 * arrivals without changing the state.
 */
const TRANSITIONS: Record<BatchAction, Partial<Record<BatchState, BatchState>>> = {
  board: { planned: 'boarding', boarding: 'boarding' },
  depart: { boarding: 'departed' },
  arrive: { departed: 'arrived', arrived: 'arrived' },
  close: { arrived: 'closed' },
  cancel: { planned: 'cancelled', boarding: 'cancelled', departed: 'cancelled' },
};

/** The state after `action`, or undefined when the action is not allowed in `current`. */
export function nextState(current: BatchState, action: BatchAction): BatchState | undefined {
  return TRANSITIONS[action][current];
}

/** Workers can be added or removed until the bus leaves. */
export function manifestOpen(state: BatchState): boolean {
  return state === 'planned' || state === 'boarding';
}
