import request from 'supertest';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { ABOUT, AppModule } from '../src/app.module';
import { DispatchConfig } from '../src/dispatch.config';

describe('dispatch serves the station console', () => {
  let dispatch: TestApp<DispatchConfig>;

  beforeAll(async () => {
    dispatch = await startTestApp({ configClass: DispatchConfig, about: ABOUT, module: AppModule.forRoot }, { consume: false });
  });

  afterAll(() => dispatch?.close());

  it('at /console/, without a token, and the APIs still need one', async () => {
    const page = await request(dispatch.url).get('/console/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html');
    await request(dispatch.url).get('/console').expect(301);
    await request(dispatch.url).get('/v1/stations/any').expect(401);
  });
});
