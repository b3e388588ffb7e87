import { type Principal } from '@laowu/auth';
import { tokenFor } from '@laowu/testkit';

export function bearer(principal: Principal): string {
  return `Bearer ${tokenFor(principal)}`;
}

export const asAdmin = () => bearer({ sub: 'admin-test', role: 'admin', region: '100000' });
