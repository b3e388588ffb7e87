import { RequestValidationError } from '../errors/validation';
import { uuidParam } from './uuid-param.pipe';

describe('uuidParam', () => {
  const pipe = uuidParam('workerId');

  it('passes a UUID of any version through', () => {
    for (const id of ['0c5e7b1e-3d7b-4f0e-9a6f-1b2c3d4e5f60', '6ba7b810-9dad-11d1-80b4-00c04fd430c8']) expect(pipe.transform(id, { type: 'param' })).toBe(id);
  });

  it('refuses anything else with a 400 naming the parameter', () => {
    for (const bad of ['not-a-uuid', '0c5e7b1e3d7b4f0e9a6f1b2c3d4e5f60', '{0c5e7b1e-3d7b-4f0e-9a6f-1b2c3d4e5f60}', '']) {
      let thrown: unknown;
      try {
        pipe.transform(bad, { type: 'param' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RequestValidationError);
      expect((thrown as RequestValidationError).details).toEqual([{ field: 'workerId', problem: 'workerId must be a UUID' }]);
    }
  });
});
