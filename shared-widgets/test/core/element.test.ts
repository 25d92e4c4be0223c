import '../../src/index';
import { byLabel, definitionRoute, examples, fakeFetch, mount, settle, type, type Call } from '../helpers';

const orderStatus = (status: string) => ({
  id: 'ord_1',
  formId: 'f1',
  kind: 'donation',
  status,
  currency: 'EUR',
  lines: [{ kind: 'donation', label: 'Don', unitAmount: 2500, quantity: 1, amount: 2500 }],
  total: 2500,
  refundedAmount: 0,
  provider: 'simulation',
  createdAt: '2026-11-23T10:00:00Z',
  paidAt: null,
  expiresAt: null,
  failure: null,
});

function fillPayer(element: Element) {
  type(byLabel(element, 'E-mail'), 'claire@example.org');
  type(byLabel(element, 'Prénom'), 'Claire');
  type(byLabel(element, 'Nom'), 'Dubois');
}

describe('a form element', () => {
  test('no answer: nothing typed is lost, and sending again reuses the idempotency key; a new attempt gets a new one', async () => {
    let answer: 'network-error' | { status: number; body: unknown } = 'network-error';
    const { element, calls } = await mount(
      'guichet-donation',
      definitionRoute(examples.donation(), (call) => (call.method === 'POST' ? answer : undefined)),
    );
    fillPayer(element);
    const submit = () => element.querySelector('form')?.requestSubmit();
    submit();
    await settle();
    expect(element.querySelector('.g-summary')?.textContent).toContain('La connexion a échoué');
    expect(byLabel(element, 'E-mail').value).toBe('claire@example.org');
    submit();
    await settle();
    const posts = () => calls.filter((call: Call) => call.method === 'POST');
    expect(posts()[1]?.headers['Idempotency-Key']).toBe(posts()[0]?.headers['Idempotency-Key']);

    answer = {
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message: 'x',
          errors: [{ code: 'invalid_email', field: 'payer.email', message: 'E-mail : pas valide.' }],
        },
      },
    };
    submit();
    await settle();
    expect(byLabel(element, 'E-mail').getAttribute('aria-invalid')).toBe('true');
    type(byLabel(element, 'E-mail'), 'claire@example.net');
    submit();
    await settle();
    const keys = posts().map((call) => call.headers['Idempotency-Key']);
    // The third try was still the first attempt (same order, no answer yet); the host's refusal ended it.
    expect(keys[2]).toBe(keys[0]);
    expect(keys[3]).not.toBe(keys[0]);
  });

  test('host errors go next to their fields and into a summary that takes focus, with links to each field', async () => {
    const refusal = {
      error: {
        code: 'validation_failed',
        message: 'Certains champs sont à corriger.',
        errors: [
          {
            code: 'amount_too_small',
            field: 'donation.amount',
            message: 'Montant du don : le montant minimum est de 5,00 €.',
          },
          {
            code: 'provider_not_available',
            field: 'payment.provider',
            message: 'Moyen de paiement : indisponible.',
          },
          { code: 'internal', message: 'Autre chose.' },
        ],
      },
    };
    const { element } = await mount(
      'guichet-donation',
      definitionRoute(examples.donation(), (call) =>
        call.method === 'POST' ? { status: 422, body: refusal } : undefined,
      ),
    );
    fillPayer(element);
    element.querySelector('form')?.requestSubmit();
    await settle();
    const summary = element.querySelector('.g-summary') as HTMLElement;
    expect(summary.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(summary);
    const links = Array.from(summary.querySelectorAll('a'));
    expect(links.map((link) => link.textContent)).toEqual([
      'Montant du don : le montant minimum est de 5,00 €.',
      'Moyen de paiement : indisponible.',
    ]);
    expect(summary.querySelectorAll('li')).toHaveLength(3);
    links[0]?.click();
    expect((document.activeElement as HTMLInputElement).value).toBe('2500');
    const group = element.querySelector('[data-field="donation.amount"]') as HTMLElement;
    const error = group.querySelector('.g-error') as HTMLElement;
    expect(group.getAttribute('aria-describedby')).toContain(error.id);
  });

  test('the host cannot be reached: with a no-JS form inside, it stays and still works; without, a retry is offered', async () => {
    const inner = '<form method="post" action="/submit"><input name="payer.email"></form>';
    const withForm = await mount('guichet-donation', () => 'network-error', inner);
    expect(withForm.element.dataset.state).toBe('fallback');
    expect(withForm.element.querySelector('form[action="/submit"]')).not.toBeNull();

    const bare = await mount('guichet-donation', () => 'network-error');
    expect(bare.element.dataset.state).toBe('failed');
    expect(bare.element.querySelector('[role="alert"]')?.textContent).toContain(
      "Le formulaire n'a pas pu être chargé.",
    );
  });

  test('back from a payment page, the order named in the address is shown', async () => {
    window.history.replaceState(null, '', '/don?guichet_order=ord_1&guichet_token=tok');
    const { element, calls } = await mount(
      'guichet-donation',
      definitionRoute(examples.donation(), (call) =>
        call.url.includes('/orders/ord_1?token=tok') ? { status: 200, body: orderStatus('paid') } : undefined,
      ),
    );
    await settle();
    expect(calls.some((call) => call.url.endsWith('/orders/ord_1?token=tok'))).toBe(true);
    expect(element.querySelector('.g-confirmation h2')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Merci ! Votre paiement de 25 € est confirmé.',
    );
    window.history.replaceState(null, '', '/');
  });

  test('back from Stripe with only its session id, the order this form left with is shown', async () => {
    window.history.replaceState(null, '', '/don');
    const created = { order: orderStatus('pending'), token: 'tok2', next: { type: 'completed' } };
    const route = definitionRoute(examples.donation(), (call) => {
      if (call.method === 'POST') return { status: 201, body: created };
      if (call.url.includes('/orders/ord_1?token=tok2')) return { status: 200, body: orderStatus('paid') };
      return undefined;
    });
    const first = await mount('guichet-donation', route);
    fillPayer(first.element);
    first.element.querySelector('form')?.requestSubmit();
    await settle();

    window.history.replaceState(null, '', '/don?session_id=cs_test_1');
    const back = await mount('guichet-donation', route);
    await settle();
    expect(back.element.querySelector('.g-confirmation h2')?.textContent?.replace(/\s/g, ' ')).toBe(
      'Merci ! Votre paiement de 25 € est confirmé.',
    );
    window.history.replaceState(null, '', '/');
  });

  test('the language comes from the element, else from the page', async () => {
    document.documentElement.lang = 'en';
    const english = await mount('guichet-donation', definitionRoute(examples.donation()));
    expect(english.calls[0]?.url).toContain('locale=en');
    expect(english.element.querySelector('button[type="submit"]')?.textContent).toBe('Give €25');
    const french = await mount('guichet-donation', definitionRoute(examples.donation()), '', ' lang="fr"');
    expect(french.calls[0]?.url).toContain('locale=fr');
    document.documentElement.lang = '';
  });

  test('a PHP host’s no-JS form (bracket names): what was typed and the focus are kept', async () => {
    globalThis.fetch = fakeFetch(definitionRoute(examples.donation())).fetch as unknown as typeof fetch;
    document.body.innerHTML = `<guichet-donation base="https://asso.example/api" form="f1">
      <form method="post"><input name="payer[email]" value="claire@"></form></guichet-donation>`;
    document.querySelector<HTMLInputElement>('input[name="payer[email]"]')?.focus();
    await settle();
    const email = byLabel(document.body, 'E-mail');
    expect(email.value).toBe('claire@');
    expect(document.activeElement).toBe(email);
  });
});
