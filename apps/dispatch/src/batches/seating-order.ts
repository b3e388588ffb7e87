import { type PriorityGroup } from '@laowu/contracts';

export interface SeatRequest {
  workerId: string;
  priorityGroups: readonly PriorityGroup[];
}

/**
 * Who gets a seat first when a batch is over-subscribed: poverty-alleviated workers (脱贫人口,
 * policy 十四: 优先保障对象 of organised labour export), then monitoring targets (防止返贫监测对象),
 * then everyone else; within a rank, in the order requested. Stable, so it never reshuffles
 * equals.
 */
export function seatingRank(groups: readonly PriorityGroup[]): number {
  if (groups.includes('poverty_alleviated')) return 0;
  if (groups.includes('monitoring_target')) return 1;
  return 2;
}

export function inSeatingOrder<T extends SeatRequest>(requests: readonly T[]): T[] {
  return requests
    .map((request, index) => ({ request, index, rank: seatingRank(request.priorityGroups) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ request }) => request);
}
