/**
 * Field names whose values never reach a log line. Personal data (resident ID numbers, phones)
 * and credentials are censored wherever they appear in a logged object.
 */
const SENSITIVE = ['idNumber', 'phone', 'password', 'secret', 'token', 'authorization', 'cookie'];

export const REDACT_PATHS = [
  ...SENSITIVE.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'res.body',
];
