// npm run token -- --role agency --sub agency-001 --region 440300 [--hours 12 | --ttl 3600] [--key private.pem --kid k1]
// Prints a bearer token: HS256 signed with LAOWU_JWT_SECRET (default laowu-dev-secret), or RS256
// with --key (a PEM private key whose public half the apps read from LAOWU_JWT_PUBLIC_KEY_FILE or
// LAOWU_JWT_JWKS_FILE). Issuer, audience and the lifetime cap follow the apps' variables
// (LAOWU_JWT_ISSUER, LAOWU_JWT_AUDIENCE, LAOWU_JWT_MAX_LIFETIME_SECONDS).
import { ROLES, type Role, signToken } from '@laowu/auth';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEFAULT_JWT_MAX_LIFETIME_SECONDS, DEV_JWT_SECRET } from '@laowu/platform';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run token -- --role ${ROLES.join('|')} --sub <id> --region <GB/T 2260 code> [--hours 12 | --ttl <seconds>] [--key <private key PEM> [--kid <key id>]]`;

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    region: { type: 'string', default: '000000' },
    hours: { type: 'string' },
    ttl: { type: 'string' },
    key: { type: 'string' },
    kid: { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function lifetimeSeconds(): number {
  if (values.hours !== undefined && values.ttl !== undefined) fail('give --hours or --ttl, not both');
  const seconds = values.ttl !== undefined ? Number(values.ttl) : Math.round(Number(values.hours ?? '12') * 3600);
  if (!(Number.isInteger(seconds) && seconds > 0)) fail('--ttl must be a positive whole number of seconds (--hours a positive number)');
  const cap = Number(process.env.LAOWU_JWT_MAX_LIFETIME_SECONDS ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS);
  if (seconds > cap) fail(`a lifetime of ${seconds} s is over the apps' cap of ${cap} s (LAOWU_JWT_MAX_LIFETIME_SECONDS): they would refuse the token`);
  return seconds;
}

if (!values.role || !ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (!values.sub) fail('--sub is required');
if (!/^\d{6}$/.test(values.region!)) fail('--region must be a six-digit GB/T 2260 code');
if (values.kid && !values.key) fail('--kid needs --key');
const ttlSeconds = lifetimeSeconds();
const issuer = process.env.LAOWU_JWT_ISSUER || DEFAULT_JWT_ISSUER;
const audience = process.env.LAOWU_JWT_AUDIENCE || DEFAULT_JWT_AUDIENCE;
const principal = { role: values.role as Role, sub: values.sub, region: values.region! };
const token = values.key
  ? signToken(principal, createPrivateKey(readFileSync(values.key, 'utf8')), { algorithm: 'RS256', keyId: values.kid, ttlSeconds, issuer, audience })
  : signToken(principal, process.env.LAOWU_JWT_SECRET || DEV_JWT_SECRET, { ttlSeconds, issuer, audience });
process.stdout.write(`${token}\n`);
