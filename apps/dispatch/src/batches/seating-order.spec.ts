import { inSeatingOrder } from './seating-order';

describe('seating order (十四)', () => {
  it('seats poverty-alleviated workers first, then monitoring targets, keeping request order within a rank', () => {
    const order = inSeatingOrder([
      { workerId: 'a', priorityGroups: [] },
      { workerId: 'b', priorityGroups: ['monitoring_target'] },
      { workerId: 'c', priorityGroups: ['poverty_alleviated'] },
      { workerId: 'd', priorityGroups: ['relocated'] },
      { workerId: 'e', priorityGroups: ['relocated', 'poverty_alleviated'] },
    ]);
    expect(order.map((r) => r.workerId)).toEqual(['c', 'e', 'b', 'a', 'd']);
  });
});
