import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
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
    // Its own scripts only, requests to itself and the (default, local) apps only, never framed.
    const host = new URL(dispatch.url).hostname;
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        `connect-src 'self' http://${host}:3001 http://${host}:3002 http://${host}:3003 ${dispatch.url}; ` +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const config = await request(dispatch.url).get('/console/config.json').expect(200);
    expect(config.body.apps.dispatch).toBe(dispatch.url);
    await request(dispatch.url).get('/console').expect(301);
    await request(dispatch.url).get('/v1/stations/any').expect(401);
  });
});
