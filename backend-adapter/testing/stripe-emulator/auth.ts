/**
 * API key check. The SDK sends `Authorization: Bearer sk_test_…`; curl users often send the key as the
 * Basic-auth user name (`-u sk_test_…:`), which Stripe also accepts. Live keys are refused outright so a
 * misconfigured test can never look like it talked to production.
 */
import { authenticationError } from './errors';

const TEST_SECRET_KEY = /^(sk|rk)_test_[A-Za-z0-9_]{1,247}$/;

function mask(key: string): string {
  return key.length <= 12
    ? `${key.slice(0, 3)}****`
    : `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

function keyFromHeader(header: string): string | null {
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? decoded : decoded.slice(0, colon);
  }
  return null;
}

/** Returns the API key, or throws the 401 Stripe would answer. `allowed` restricts keys when set. */
export function authenticate(header: string | undefined, allowed: readonly string[] | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  const key = keyFromHeader(header);
  if (key === null || key === '') {
    throw authenticationError(
      'Invalid Authorization header: use Bearer auth with a secret key (or Basic auth with the key as user name).',
    );
  }
  if (key.startsWith('pk_')) {
    throw authenticationError(
      'This API call cannot be made with a publishable API key. Please use a secret API key.',
    );
  }
  if (key.startsWith('sk_live_') || key.startsWith('rk_live_')) {
    throw authenticationError(
      `Invalid API Key provided: ${mask(key)} (the emulator only accepts test-mode keys).`,
    );
  }
  if (!TEST_SECRET_KEY.test(key) || (allowed !== undefined && !allowed.includes(key))) {
    throw authenticationError(`Invalid API Key provided: ${mask(key)}`);
  }
  return key;
}
