import { certificatesHeld } from './certificates-held';

describe('certificatesHeld', () => {
  it('derives validUntil from issuedOn for a certificate that expires: six years less a day for a special-operations certificate', () => {
    expect(certificatesHeld([{ code: 'welder-cert', level: 2, issuedOn: '2024-03-01' }])).toEqual([
      { code: 'welder-cert', level: 2, issuedOn: '2024-03-01', validUntil: '2030-02-28' },
    ]);
  });

  it('keeps a validUntil given, and leaves none for a certificate without issuedOn or one that does not expire', () => {
    expect(
      certificatesHeld([
        { code: 'welder-cert', level: 2, issuedOn: '2024-03-01', validUntil: '2027-01-31' },
        { code: 'welder-cert', level: 1 },
        { code: 'chef-cert', level: 1, issuedOn: '2024-03-01' },
      ]),
    ).toEqual([
      { code: 'welder-cert', level: 2, issuedOn: '2024-03-01', validUntil: '2027-01-31' },
      { code: 'welder-cert', level: 1 },
      { code: 'chef-cert', level: 1, issuedOn: '2024-03-01' },
    ]);
  });
});
