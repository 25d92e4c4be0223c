// wp-admin sessions for tests: over plain fetch (wp-login.php's cookies, replayed on every request) or in a browser page.
import type { Page } from 'playwright-core';
import type { WordPressSite } from './wp-server';

export interface AdminSession {
  get(path: string): Promise<{ status: number; text: string; headers: Headers }>;
  post(
    path: string,
    form: Record<string, string>,
  ): Promise<{ status: number; text: string; headers: Headers }>;
}

export async function logIn(
  site: WordPressSite,
  user = site.user,
  password = site.password,
): Promise<AdminSession> {
  const jar = new Map<string, string>([['wordpress_test_cookie', 'WP%20Cookie%20check']]);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) jar.set(name.trim(), value.join('='));
    }
  };
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${site.url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), Cookie: cookie() },
      signal: AbortSignal.timeout(30_000),
    });
    remember(response.headers);
    return { status: response.status, text: await response.text(), headers: response.headers };
  };
  const login = await request('/wp-login.php', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      log: user,
      pwd: password,
      testcookie: '1',
      'wp-submit': 'Log In',
    }).toString(),
  });
  if (login.status !== 302)
    throw new Error(`wp-login.php answered ${login.status}: ${login.text.slice(0, 300)}`);
  return {
    get: (path) => request(path),
    post: (path, form) =>
      request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
  };
}

/** The value of a named input in an HTML page (e.g. the _wpnonce of a form). */
export function inputValue(html: string, name: string): string {
  const input =
    html.match(new RegExp(`<input[^>]*name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>`))?.[0] ?? '';
  return input.match(/value="([^"]*)"/)?.[1] ?? '';
}

/** Logs the site's administrator into wp-admin in a browser page, through the login form a treasurer uses. */
export async function logInInBrowser(page: Page, site: WordPressSite): Promise<void> {
  await page.goto(`${site.url}/wp-login.php`);
  await page.fill('#user_login', site.user);
  await page.fill('#user_pass', site.password);
  await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
}
