import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, ORIGIN, type Harness } from './harness';

describe('widget bundle and demo page', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'guichet-widgets-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'guichet.js'), 'export const guichet = 1;\n');
    writeFileSync(join(dir, 'chunks', 'donation-abc.js'), 'export default 2;\n');
    writeFileSync(join(dir, 'secret.env'), 'KEY=1\n');
    h = await harness({ config: { widgets: { dir }, demoPage: true } });
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('bundle files are served with their type, chunks included', async () => {
    const main = await h.request({ method: 'GET', url: '/widgets/guichet.js' });
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(main.body).toBe('export const guichet = 1;\n');
    expect((await h.request({ method: 'GET', url: '/widgets/chunks/donation-abc.js' })).statusCode).toBe(200);
    expect((await h.request({ method: 'GET', url: '/widgets/missing.js' })).statusCode).toBe(404);
  });

  test('a site page on another origin may load the bundle as a module script; other origins may not', async () => {
    for (const url of ['/widgets/guichet.js', '/widgets/chunks/donation-abc.js']) {
      const allowed = await h.request({ method: 'GET', url, headers: { origin: ORIGIN } });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
      expect(allowed.headers['vary']).toMatch(/Origin/);
      const stranger = await h.request({ method: 'GET', url, headers: { origin: 'https://evil.example' } });
      expect(stranger.statusCode).toBe(200);
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
      expect(stranger.headers['vary']).toMatch(/Origin/);
    }
    const preflight = await h.request({
      method: 'OPTIONS',
      url: '/widgets/guichet.js',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
  });

  test('nothing outside the bundle, nor of another type, is served', async () => {
    expect((await h.request({ method: 'GET', url: '/widgets/secret.env' })).statusCode).toBe(400);
    expect(
      (await h.request({ method: 'GET', url: '/widgets/..%2F..%2Fetc%2Fpasswd.js' })).statusCode,
    ).toBeGreaterThanOrEqual(400);
  });

  test('the demo page places each form of the site as its custom element, loading the bundle', async () => {
    const page = await h.request({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<script type="module" src="/widgets/guichet.js"></script>');
    expect(page.body).toContain('<guichet-donation base="/v1/sites/demo" form="don" lang="fr">');
    expect(page.body).toContain('<guichet-tickets base="/v1/sites/demo" form="concert" lang="fr">');
  });
});
