import { createHmac } from 'node:crypto';
import {
  backoffMs, generateWebhookSecret, signatureHeader, standardKey, standardSignatures, verifySignature, whsecProblem,
} from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ id: '1', event: 'match', data: { jobId: 'j' } });

  describe('Standard Webhooks', () => {
    it('matches the reference libraries\' published vector (whsec_ key, "<id>.<timestamp>.<body>")', () => {
      // The sign test of standard-webhooks/libraries/javascript.
      expect(standardSignatures(['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
        'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
      );
    });

    it('signs with every secret, space-separated, the current one first', () => {
      const current = generateWebhookSecret();
      const previous = 'a-plain-secret-of-old';
      const header = standardSignatures([current, previous], '42', 1_700_000_000, body);
      const expected = [Buffer.from(current.slice(6), 'base64'), Buffer.from(previous, 'utf8')].map(
        (key) => `v1,${createHmac('sha256', key).update(`42.1700000000.${body}`).digest('base64')}`,
      );
      expect(header).toBe(expected.join(' '));
    });

    it('keys a whsec_ secret by its decoded bytes and any other secret by its UTF-8 bytes', () => {
      expect(standardKey('whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX')).toEqual(Buffer.from([...Array(24).keys()]));
      expect(standardKey('plain-secret-123456')).toEqual(Buffer.from('plain-secret-123456'));
    });

    it('generates whsec_ secrets of 32 random bytes, and checks registered whsec_ secrets', () => {
      const secret = generateWebhookSecret();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
      expect(generateWebhookSecret()).not.toBe(secret);
      expect(whsecProblem(secret)).toBeUndefined();
      expect(whsecProblem('not-a-whsec-secret-at-all')).toBeUndefined();
      expect(whsecProblem(`whsec_${Buffer.alloc(16).toString('base64')}`)).toMatch(/24 to 64 bytes/);
      expect(whsecProblem(`whsec_${Buffer.alloc(65).toString('base64')}`)).toMatch(/24 to 64 bytes/);
      expect(whsecProblem('whsec_not base64 at all!!!!!!!!!!!!')).toMatch(/base64/);
    });
  });

  describe('X-Laowu-Signature (deprecated)', () => {
    it('verifies over the timestamp and the raw body', () => {
      const header = signatureHeader('s3cret-s3cret-s3cret', body, 1_700_000_000);
      expect(header).toBe(`t=1700000000,v1=${createHmac('sha256', 's3cret-s3cret-s3cret').update(`1700000000.${body}`).digest('hex')}`);
      expect(verifySignature('s3cret-s3cret-s3cret', body, header, 1_700_000_010)).toBe(true);
    });

    it('fails for another secret, a changed body, or a stale timestamp', () => {
      const header = signatureHeader('s3cret-s3cret-s3cret', body, 1_700_000_000);
      expect(verifySignature('other-secret-other', body, header, 1_700_000_000)).toBe(false);
      expect(verifySignature('s3cret-s3cret-s3cret', body.replace('j', 'k'), header, 1_700_000_000)).toBe(false);
      expect(verifySignature('s3cret-s3cret-s3cret', body, header, 1_700_001_000)).toBe(false);
    });

    it('carries one v1 per secret during a rotation; either secret verifies', () => {
      const header = signatureHeader(['new-secret-new-secret', 'old-secret-old-secret'], body, 1_700_000_000);
      expect(header.split(',')).toHaveLength(3);
      expect(verifySignature('new-secret-new-secret', body, header, 1_700_000_000)).toBe(true);
      expect(verifySignature('old-secret-old-secret', body, header, 1_700_000_000)).toBe(true);
      expect(verifySignature('third-secret-third-secret', body, header, 1_700_000_000)).toBe(false);
    });
  });

  it('backs off exponentially', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(100, attempt))).toEqual([100, 200, 400, 800]);
  });
});
