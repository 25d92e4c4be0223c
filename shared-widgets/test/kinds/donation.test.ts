import '../../src/index';
import type { DonationOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import { byLabel, definitionRoute, examples, mount, settle, tick, type } from '../helpers';

const radio = (root: ParentNode, name: string) => byLabel(root, name);
const text = (root: Element) => root.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<guichet-donation>', () => {
  test('presets as a radio group, the default picked; typing an amount unpicks it and updates the tax preview', async () => {
    const { element } = await mount('guichet-donation', definitionRoute(examples.donation()));
    const group = element.querySelector('fieldset.g-amounts') as HTMLFieldSetElement;
    expect(group.querySelector('legend')?.textContent).toBe('Montant de votre don');
    expect(radio(element, '25 €').checked).toBe(true);
    expect(text(element)).toContain('Votre don de 25 € ne vous coûte que 8,50 € après réduction d’impôt.');

    type(byLabel(element, 'Autre montant'), '100');
    expect(radio(element, '25 €').checked).toBe(false);
    expect(text(element)).toContain('Votre don de 100 € ne vous coûte que 34 € après réduction d’impôt.');
    expect(text(element)).toContain('Total : 100 €');

    tick(radio(element, '50 €'));
    expect(byLabel(element, 'Autre montant').value).toBe('');
    expect(text(element)).toContain('Total : 50 €');
  });

  test('a Coluche form previews 75 %; a form without receipts shows no preview and asks no receipt', async () => {
    const coluche = examples.donation();
    coluche.taxReduction = {
      scheme: 'coluche',
      rateBps: 7500,
      ceiling: 200000,
      aboveCeilingRateBps: 6600,
      rulesVersion: '2026-01',
    };
    const { element } = await mount('guichet-donation', definitionRoute(coluche));
    type(byLabel(element, 'Autre montant'), '100');
    expect(text(element)).toContain('Votre don de 100 € ne vous coûte que 25 € après réduction d’impôt.');

    const none = examples.donation();
    delete none.taxReduction;
    const plain = await mount('guichet-donation', definitionRoute(none));
    expect(plain.element.querySelector('.g-tax')).toBeNull();
    expect(plain.element.querySelector('[name="donation.taxReceipt"]')).toBeNull();
  });

  test('monthly: its own presets, and cheques are no longer offered', async () => {
    const { element } = await mount('guichet-donation', definitionRoute(examples.donation()));
    expect(element.querySelector('input[value="offline.cheque"]')).not.toBeNull();
    tick(radio(element, 'Tous les mois'));
    expect(
      Array.from(element.querySelectorAll('.g-amounts label'), (l) => l.textContent?.replace(/\s/g, ' ')),
    ).toEqual(['5 € par mois', '10 € par mois', '20 € par mois']);
    expect(element.querySelector('input[value="offline.cheque"]')).toBeNull();
  });

  test('fee coverage: the label says how much, the total includes it, not for a cheque', async () => {
    const { element } = await mount('guichet-donation', definitionRoute(examples.donation()));
    const box = element.querySelector('input[name="coverFees"]') as HTMLInputElement;
    expect(text(box.closest('.g-field') as Element)).toContain(
      "J'ajoute 0,64 € pour que 100 % de mon don parvienne à l'association",
    );
    tick(box);
    expect(text(element)).toContain('Total : 25,64 €');
    tick(element.querySelector('input[value="offline.cheque"]'));
    expect((box.closest('.g-field') as HTMLElement).hidden).toBe(true);
    expect(text(element)).toContain('Total : 25 €');
  });

  test('the postal address is asked only with a tax receipt, and then required', async () => {
    const answers: DonationOrderRequest[] = [];
    const { element } = await mount(
      'guichet-donation',
      definitionRoute(examples.donation(), (call) => {
        if (call.method !== 'POST') return undefined;
        answers.push(call.body as DonationOrderRequest);
        return { status: 422, body: { error: { code: 'validation_failed', message: 'x', errors: [] } } };
      }),
    );
    expect(element.querySelector('[name="payer.address.line1"]')).toBeNull();
    tick(byLabel(element, 'Je souhaite recevoir un reçu fiscal'));
    expect(byLabel(element, 'Pays').value).toBe('FR');
    type(byLabel(element, 'E-mail'), 'claire@example.org');
    type(byLabel(element, 'Prénom'), 'Claire');
    type(byLabel(element, 'Nom'), 'Dubois');
    element.querySelector('form')?.requestSubmit();
    await settle();
    expect(answers).toHaveLength(0);
    const summary = element.querySelector('.g-summary') as HTMLElement;
    expect(Array.from(summary.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      'Adresse : ce champ est obligatoire.',
      'Code postal : ce champ est obligatoire.',
      'Ville : ce champ est obligatoire.',
    ]);

    type(byLabel(element, 'Adresse'), '12 rue des Lilas');
    type(byLabel(element, 'Code postal'), '931');
    expect(element.querySelector('[data-field="payer.address.postalCode"] .g-error')?.textContent).toBe(
      "Code postal : le code postal n'est pas valide.",
    );
    type(byLabel(element, 'Code postal'), '93100');
    type(byLabel(element, 'Ville'), 'Montreuil');
    type(byLabel(element, 'Autre montant'), '12,50');
    element.querySelector('form')?.requestSubmit();
    await settle();
    expect(answers[0]).toMatchObject({
      kind: 'donation',
      locale: 'fr',
      payment: { provider: 'stripe' },
      payer: {
        email: 'claire@example.org',
        firstName: 'Claire',
        lastName: 'Dubois',
        address: { line1: '12 rue des Lilas', postalCode: '93100', city: 'Montreuil', country: 'FR' },
      },
      donation: { amount: 1250, frequency: 'once', taxReceipt: true, anonymous: false },
      consents: { solicitationObjection: false, newsletterOptIn: false },
    });
    expect(answers[0]?.coverFees).toBeUndefined();
  });

  test('a receipt address sent by a no-JS form without a country gets France (the list has no empty choice)', async () => {
    const inner =
      '<form><input type="checkbox" name="donation.taxReceipt" checked><input name="payer.address.country"></form>';
    const { element } = await mount('guichet-donation', definitionRoute(examples.donation()), inner);
    expect(byLabel(element, 'Pays').value).toBe('FR');
  });
});
