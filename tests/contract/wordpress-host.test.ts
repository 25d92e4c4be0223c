import { wordpressHostDriver } from './drivers/wordpress-driver';
import { describeContract } from './suite';

/**
 * Scenarios the shared PHP adapter (backend-adapter/php) does not pass yet, each filed in
 * backend-adapter/php/REQUESTS.md ("From the WordPress plugin"). They run as `test.failing`: the run stays
 * green while the gap is there and turns red the day the adapter closes it, so this list cannot go stale.
 */
const ADAPTER_GAPS = [
  'a zero total calls no provider: the order is paid at once and its tickets issued',
  'a declined card fails the order with a message; another card then pays it',
  'confirming a paid order again answers succeeded and charges nothing more',
  'a declined card puts the seats back on sale',
  'the same key and body give the same order, token and next action; one order is stored',
  'a request for another kind of form',
  'a client-side total is not trusted: an unknown property is refused',
];

const realTest = globalThis.test;
globalThis.test = Object.assign(
  (name: string, fn?: jest.ProvidesCallback, timeout?: number) =>
    ADAPTER_GAPS.includes(name) ? realTest.failing(name, fn as never, timeout) : realTest(name, fn, timeout),
  realTest,
);

describeContract(wordpressHostDriver);
