import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harness, type Harness } from './harness';

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
