import { type Principal } from '@laowu/auth';
import { type DomainError } from '@laowu/platform';
import { assertMayReadRequestOffers } from './sharing-request.access';

const request = { agencyId: 'agency-a', regionCode: '513401' };
const as = (role: Principal['role'], sub: string, region: string): Principal => ({ role, sub, region });

function refusal(principal: Principal, post: typeof request | undefined): { status: number; code: string; message: string } | undefined {
  try {
    assertMayReadRequestOffers(principal, post);
    return undefined;
  } catch (error) {
    const { status, code, message } = error as DomainError;
    return { status, code, message };
  }
}

describe('who may read the offers ranked for a sharing request', () => {
  it('admits the posting agency, a bureau whose region contains the request and admin', () => {
    expect(refusal(as('agency', 'agency-a', '510000'), request)).toBeUndefined();
    expect(refusal(as('bureau', 'b', '510000'), request)).toBeUndefined();
    expect(refusal(as('bureau', 'b', '513400'), request)).toBeUndefined();
    expect(refusal(as('bureau', 'b', '513401'), request)).toBeUndefined();
    expect(refusal(as('admin', 'x', '100000'), request)).toBeUndefined();
  });

  it('refuses another agency, a bureau elsewhere and other roles with one 403, the same for a request matching has not seen', () => {
    const foreign = [as('agency', 'agency-b', '510000'), as('bureau', 'b', '513300'), as('bureau', 'b', '440300'), as('station', 'agency-a', '513401')].map((p) => refusal(p, request));
    const unknown = [as('agency', 'agency-a', '510000'), as('bureau', 'b', '513400')].map((p) => refusal(p, undefined));
    for (const answer of [...foreign, ...unknown]) expect(answer).toEqual(foreign[0]);
    expect(foreign[0]).toMatchObject({ status: 403, code: 'SHARING.REQUEST_FORBIDDEN' });
  });

  it('tells admin that a request is not yet indexed with a 404', () => {
    expect(refusal(as('admin', 'x', '100000'), undefined)).toMatchObject({ status: 404, code: 'SHARING.REQUEST_NOT_INDEXED' });
  });
});
