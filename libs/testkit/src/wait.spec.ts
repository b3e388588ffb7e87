import { eventually } from './wait';

describe('eventually', () => {
  it('retries while the attempt returns false or throws, and returns its first other result', async () => {
    const outcomes: (() => number | false)[] = [() => false, () => { throw new Error('not yet'); }, () => 0];
    let calls = 0;
    await expect(eventually(() => outcomes[calls++](), 1_000, 1)).resolves.toBe(0);
    expect(calls).toBe(3);
  });

  it('gives up after its deadline saying what it waited for', async () => {
    await expect(eventually(() => false, 30, 5, () => 'the sky to fall')).rejects.toThrow('not within 30 ms: the sky to fall');
  });

  it('rethrows the last error as it was, or with what it waited for when told', async () => {
    const failing = () => { throw new Error('expected 1, got 2'); };
    await expect(eventually(failing, 30, 5)).rejects.toThrow(/^expected 1, got 2$/);
    await expect(eventually(failing, 30, 5, 'one row')).rejects.toThrow('not within 30 ms: one row (last error: expected 1, got 2)');
  });
});
