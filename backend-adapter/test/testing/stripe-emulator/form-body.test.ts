import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { encodeFormBody, parseFormBody } from '../../../testing/stripe-emulator/form-body';

describe('Stripe form bodies', () => {
  it('parses nested objects and indexed arrays as the Node SDK sends them', () => {
    const body =
      'mode=payment&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=2500' +
      '&line_items[0][price_data][product_data][name]=Don%20libre&line_items[0][quantity]=1' +
      '&line_items[1][price]=price_123&line_items[1][quantity]=2&metadata[campaign]=hiver&expand[0]=line_items';
    expect(parseFormBody(body)).toEqual({
      mode: 'payment',
      line_items: [
        {
          price_data: { currency: 'eur', unit_amount: '2500', product_data: { name: 'Don libre' } },
          quantity: '1',
        },
        { price: 'price_123', quantity: '2' },
      ],
      metadata: { campaign: 'hiver' },
      expand: ['line_items'],
    });
  });

  it('accepts percent-encoded brackets, `[]` appends and `+` for spaces (PHP http_build_query, curl)', () => {
    const body =
      'line_items%5B0%5D%5Bquantity%5D=3&payment_method_types[]=card&payment_method_types[]=sepa_debit&name=Don+mensuel';
    expect(parseFormBody(body)).toEqual({
      line_items: [{ quantity: '3' }],
      payment_method_types: ['card', 'sepa_debit'],
      name: 'Don mensuel',
    });
  });

  it('keeps sparse or non-numeric keys as objects, and metadata keys like __proto__ as plain data', () => {
    const parsed = parseFormBody('items[1][price]=p&metadata[__proto__]=x&metadata[constructor]=y');
    expect(parsed.items).toEqual({ 1: { price: 'p' } });
    const metadata = parsed.metadata as Record<string, unknown>;
    expect(Object.keys(metadata)).toEqual(['__proto__', 'constructor']);
    expect(metadata['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects a key used both as a value and as an object, with a Stripe invalid_request_error', () => {
    expect(() => parseFormBody('a=1&a[b]=2')).toThrow(
      expect.objectContaining({ status: 400, type: 'invalid_request_error' }),
    );
    expect(() => parseFormBody('a[b]=2&a=1')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('encodes like the Node SDK (readable brackets, qs escaping) and round-trips', () => {
    const data = {
      amount: 2500,
      confirm: true,
      description: "Don (d'hiver)!",
      metadata: { clé: 'é €' },
      payment_method_types: ['card', 'sepa_debit'],
      line_items: [{ price_data: { currency: 'eur', unit_amount: 100 }, quantity: 1 }],
      skipped: undefined,
      cleared: null,
    };
    const encoded = encodeFormBody(data);
    expect(encoded).toBe(
      'amount=2500&confirm=true&description=Don%20%28d%27hiver%29%21&metadata[cl%C3%A9]=%C3%A9%20%E2%82%AC' +
        '&payment_method_types[0]=card&payment_method_types[1]=sepa_debit' +
        '&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=100&line_items[0][quantity]=1&cleared=',
    );
    expect(parseFormBody(encoded)).toEqual({
      amount: '2500',
      confirm: 'true',
      description: "Don (d'hiver)!",
      metadata: { clé: 'é €' },
      payment_method_types: ['card', 'sepa_debit'],
      line_items: [{ price_data: { currency: 'eur', unit_amount: '100' }, quantity: '1' }],
      cleared: '',
    });
  });
});

describe('compatibility with the official SDK encoder', () => {
  it('encodes byte for byte what stripe-node sends', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        bodies.push(body);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"id":"cs_test_capture","object":"checkout.session"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const params = {
      mode: 'payment' as const,
      ui_mode: 'embedded_page' as const,
      return_url: 'https://asso.example/merci?s={CHECKOUT_SESSION_ID}&x=1',
      line_items: [
        {
          quantity: 2,
          adjustable_quantity: { enabled: true, maximum: 6 },
          price_data: {
            currency: 'eur',
            unit_amount: 1200,
            product_data: { name: "Billet d'entrée (adulte) * 2!" },
          },
        },
      ],
      metadata: { clé: 'valeur é', empty: '' },
      allowed_payment_method_types: ['card', 'sepa_debit'],
    };
    try {
      const stripe = new Stripe('sk_test_capture', {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      await stripe.checkout.sessions.create(params);
    } finally {
      server.close();
    }
    expect(bodies[0]).toBe(encodeFormBody(params));
    expect(parseFormBody(bodies[0] ?? '')).toMatchObject({ metadata: { clé: 'valeur é', empty: '' } });
  });
});
