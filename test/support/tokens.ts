import { Principal, signToken } from '@laowu/auth';
import { DEV_JWT_SECRET } from '@laowu/platform';

export function bearer(principal: Principal): string {
  return `Bearer ${signToken(principal, DEV_JWT_SECRET)}`;
}

export const asAdmin = () => bearer({ sub: 'admin-test', role: 'admin', region: '100000' });
