import { backoffMs, signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ id: '1', event: 'match', data: { jobId: 'j' } });

  it('verifies over the timestamp and the raw body', () => {
    const header = signatureHeader('s3cret-s3cret-s3cret', body, 1_700_000_000);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret-s3cret-s3cret', body, header, 1_700_000_010)).toBe(true);
  });

  it('fails for another secret, a changed body, or a stale timestamp', () => {
    const header = signatureHeader('s3cret-s3cret-s3cret', body, 1_700_000_000);
    expect(verifySignature('other-secret-other', body, header, 1_700_000_000)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', body.replace('j', 'k'), header, 1_700_000_000)).toBe(false);
    expect(verifySignature('s3cret-s3cret-s3cret', body, header, 1_700_001_000)).toBe(false);
  });

  it('backs off exponentially', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(100, attempt))).toEqual([100, 200, 400, 800]);
  });
});
