import '../../src/index';
import type { MembershipOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import { byLabel, definitionRoute, examples, mount, settle, tick, type } from '../helpers';

const text = (root: Element) => root.textContent?.replace(/\s+/g, ' ') ?? '';
const group = (root: Element, legend: string) =>
  Array.from(root.querySelectorAll('fieldset')).find(
    (set) => set.querySelector('legend')?.textContent === legend,
  ) as HTMLFieldSetElement;

function recordOrders() {
  const sent: MembershipOrderRequest[] = [];
  const route = definitionRoute(examples.membership(), (call) => {
    if (call.method !== 'POST') return undefined;
    sent.push(call.body as MembershipOrderRequest);
    return 'network-error';
  });
  return { sent, route };
}

describe('<guichet-membership>', () => {
  test('tiers say their price, period and who pays; a range tier asks its amount, suggested first', async () => {
    const { element } = await mount('guichet-membership', definitionRoute(examples.membership()));
    const tiers = group(element, "Formule d'adhésion");
    expect(Array.from(tiers.querySelectorAll('.g-choice .g-hint'), text)).toEqual([
      '15 € par personne pour un an',
      "30 € pour un an. Pour tout le foyer, jusqu'à 6 personnes.",
      'Prix libre, entre 5 € et 15 € par personne pour un an. Le montant que vous pouvez, de 5 € à 15 €.',
    ]);
    tick(byLabel(element, 'Adhésion solidaire'));
    expect(byLabel(element, 'Montant de votre adhésion').value).toBe('10');
    expect(text(element)).toContain('Total : 10 €');
  });

  test('members are added and removed; a removed member’s place is taken by the next, values and all', async () => {
    const { element } = await mount('guichet-membership', definitionRoute(examples.membership()));
    const add = () =>
      (
        Array.from(element.querySelectorAll('button')).find(
          (b) => b.textContent === 'Ajouter un membre',
        ) as HTMLButtonElement
      ).click();
    add();
    add();
    type(byLabel(group(element, 'Membre 2'), 'Prénom'), 'Louis');
    type(byLabel(group(element, 'Membre 3'), 'Prénom'), 'Inès');
    expect(text(element)).toContain('Total : 45 €');
    (
      Array.from(element.querySelectorAll('button')).find(
        (b) => b.textContent === 'Retirer le membre 2',
      ) as HTMLButtonElement
    ).click();
    expect(byLabel(group(element, 'Membre 2'), 'Prénom').value).toBe('Inès');
    expect(group(element, 'Membre 3')).toBeUndefined();
    expect(text(element)).toContain('Total : 30 €');
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Membre 2 retiré.');
  });

  test('members named in the host’s no-JS form are all shown, up to the highest one named', async () => {
    const { element } = await mount(
      'guichet-membership',
      definitionRoute(examples.membership()),
      '<form><input name="membership[members][2][firstName]" value="Inès"></form>',
    );
    expect(byLabel(group(element, 'Membre 3'), 'Prénom').value).toBe('Inès');
    expect(byLabel(group(element, 'Membre 2'), 'Prénom').value).toBe('');
    expect(text(element)).toContain('Total : 45 €');
  });

  test('the request lists the payer as first member, with each member’s answers, and the extra gift', async () => {
    const { sent, route } = recordOrders();
    const { element } = await mount('guichet-membership', route);
    type(byLabel(element, 'E-mail'), 'claire@example.org');
    type(byLabel(element, 'Prénom'), 'Claire');
    type(byLabel(element, 'Nom'), 'Dubois');
    tick(byLabel(group(element, 'Membre 1 : vous'), 'Je souhaite cultiver une parcelle'));
    (
      Array.from(element.querySelectorAll('button')).find(
        (b) => b.textContent === 'Ajouter un membre',
      ) as HTMLButtonElement
    ).click();
    type(byLabel(group(element, 'Membre 2'), 'Prénom'), 'Louis');
    type(byLabel(group(element, 'Membre 2'), 'Nom'), 'Dubois');
    type(byLabel(group(element, 'Membre 2'), 'Je peux aider pour… (facultatif)'), 'ateliers');
    type(byLabel(element, 'Don supplémentaire (facultatif)'), '5');
    element.querySelector('form')?.requestSubmit();
    await settle();
    expect(sent[0]?.membership).toEqual({
      tierId: 'individuelle',
      taxReceipt: false,
      extraDonation: 500,
      members: [
        { firstName: 'Claire', lastName: 'Dubois', fields: { parcelle: true } },
        { firstName: 'Louis', lastName: 'Dubois', fields: { parcelle: false, competences: 'ateliers' } },
      ],
    });
  });
});
