import donationExample from '../../docs/examples/protocol/form-definition.donation.json';
import membershipExample from '../../docs/examples/protocol/form-definition.membership.json';
import ticketsExample from '../../docs/examples/protocol/form-definition.tickets.json';
import type { FormDefinition } from '../../backend-adapter/src/protocol/form';

/** The protocol's own example definitions (docs/examples/protocol), copied so a test may change them. */
export const examples = {
  donation: () => structuredCloneish(donationExample) as FormDefinition & { kind: 'donation' },
  membership: () => structuredCloneish(membershipExample) as FormDefinition & { kind: 'membership' },
  tickets: () => structuredCloneish(ticketsExample) as FormDefinition & { kind: 'tickets' },
};

function structuredCloneish<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status: number; body: unknown } | 'network-error';

/**
 * A fetch answering from `route(call)`: the protocol host as the widget sees it, recording every call.
 * jsdom has no Response, so the answers carry just what the client reads (ok, status, json()).
 */
export function fakeFetch(route: (call: Call) => Answer) {
  const calls: Call[] = [];
  const fetch = jest.fn(async (url: string, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>)),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const answer = route(call);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return { ok: answer.status < 400, status: answer.status, json: async () => answer.body } as Response;
  });
  return { fetch, calls };
}

/** Lets promises, dynamic imports and the fake host's answers run to the end. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Puts `<tag base form>` in the page with `fetch` answering from `route`, and waits until it is drawn. */
export async function mount(tag: string, route: (call: Call) => Answer, inner = '', attrs = '') {
  const fake = fakeFetch(route);
  globalThis.fetch = fake.fetch as unknown as typeof fetch;
  document.body.innerHTML = `<${tag} base="https://asso.example/api" form="f1"${attrs}>${inner}</${tag}>`;
  const element = document.querySelector(tag) as HTMLElement;
  await settle();
  return { element, ...fake };
}

export const definitionRoute =
  (definition: FormDefinition, more: (call: Call) => Answer | undefined = () => undefined) =>
  (call: Call): Answer =>
    more(call) ??
    (call.method === 'GET' && call.url.includes('/forms/')
      ? { status: 200, body: definition }
      : { status: 404, body: {} });

/** Sets a control's value as typing would, firing input then change. */
export function type(control: Element | null, value: string): void {
  const input = control as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function tick(control: Element | null, checked = true): void {
  const input = control as HTMLInputElement;
  input.checked = checked;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The control labelled `text` (exact, spaces normalised), as a payer finds it. */
export function byLabel(root: ParentNode, text: string): HTMLInputElement {
  const label = Array.from(root.querySelectorAll('label')).find(
    (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text,
  );
  const control = label && document.getElementById(label.htmlFor);
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control as HTMLInputElement;
}
