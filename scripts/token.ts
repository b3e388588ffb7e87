// npm run token -- --role agency --sub agency-001 --region 440300 [--hours 12]
// Prints a development bearer token signed with LAOWU_JWT_SECRET (default laowu-dev-secret).
import { ROLES, Role, signToken } from '@laowu/auth';
import { DEV_JWT_SECRET } from '@laowu/platform';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    region: { type: 'string', default: '000000' },
    hours: { type: 'string', default: '12' },
  },
});

function fail(message: string): never {
  process.stderr.write(`${message}\nusage: npm run token -- --role ${ROLES.join('|')} --sub <id> --region <GB/T 2260 code> [--hours 12]\n`);
  process.exit(2);
}

if (!values.role || !ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
if (!values.sub) fail('--sub is required');
if (!/^\d{6}$/.test(values.region!)) fail('--region must be a six-digit GB/T 2260 code');
const hours = Number(values.hours);
if (!(hours > 0)) fail('--hours must be a positive number');

process.stdout.write(
  `${signToken({ role: values.role as Role, sub: values.sub, region: values.region! }, process.env.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET, Math.round(hours * 3600))}\n`,
);
