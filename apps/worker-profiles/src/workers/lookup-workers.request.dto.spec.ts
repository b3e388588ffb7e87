import { DomainError } from '@laowu/platform';
import { lookupKey } from './lookup-workers.request.dto';

describe('lookupKey', () => {
  it('takes the one number given', () => {
    expect(lookupKey({ idNumber: '11010519491231002X' })).toEqual({ idNumber: '11010519491231002X' });
    expect(lookupKey({ phone: '13800000000', idNumber: undefined })).toEqual({ phone: '13800000000' });
  });

  it.each([
    ['neither', {}],
    ['both', { idNumber: '11010519491231002X', phone: '13800000000' }],
    ['only nulls', { idNumber: null, phone: null }],
  ])('refuses %s with a 400 naming both fields', (_, request) => {
    let thrown: unknown;
    try {
      lookupKey(request as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).status).toBe(400);
    expect((thrown as DomainError).details?.map((d) => d.field)).toEqual(['idNumber', 'phone']);
  });
});
