import '../../src/index';
import type { TicketsOrderRequest } from '../../../backend-adapter/src/protocol/order-request';
import { byLabel, definitionRoute, examples, mount, settle, type } from '../helpers';

const text = (root: Element) => root.textContent?.replace(/\s+/g, ' ') ?? '';
const button = (root: Element, label: string) =>
  root.querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement;

describe('<guichet-tickets>', () => {
  test('each type says its price and seats left; steppers stop at the type’s and the order’s limits', async () => {
    const { element } = await mount('guichet-tickets', definitionRoute(examples.tickets()));
    expect(text(element)).toContain('15 € · 37 places restantes');
    expect(text(element)).toContain('Gratuit · 22 places restantes · Gratuit, sur réservation');
    const more = button(element, 'Un billet « Tarif réduit » de plus');
    for (let i = 0; i < 5; i++) more.click();
    expect(byLabel(element, 'Tarif réduit').value).toBe('3');
    expect(more.disabled).toBe(true);
    expect(element.querySelector('[role="status"]')?.textContent).toBe('Tarif réduit : 3 billets');
    const plein = button(element, 'Un billet « Plein tarif » de plus');
    for (let i = 0; i < 10; i++) plein.click();
    expect(byLabel(element, 'Plein tarif').value).toBe('5');
    expect(text(element)).toContain('Total : 105 €');
  });

  test('one name per ticket, in ticket order; an error on the request’s third attendee lands on that field', async () => {
    const sent: TicketsOrderRequest[] = [];
    const { element } = await mount(
      'guichet-tickets',
      definitionRoute(examples.tickets(), (call) => {
        if (call.method !== 'POST') return undefined;
        sent.push(call.body as TicketsOrderRequest);
        return {
          status: 422,
          body: {
            error: {
              code: 'validation_failed',
              message: 'x',
              errors: [
                {
                  code: 'too_long',
                  field: 'tickets.attendees.2.lastName',
                  message: 'Nom du participant : trop long.',
                },
              ],
            },
          },
        };
      }),
    );
    button(element, 'Un billet « Tarif réduit » de plus').click();
    button(element, 'Un billet « Plein tarif » de plus').click();
    button(element, 'Un billet « Plein tarif » de plus').click();
    const seats = Array.from(
      element.querySelectorAll('fieldset fieldset legend'),
      (legend) => legend.textContent,
    );
    expect(seats).toEqual(['Billet 1 : Plein tarif', 'Billet 2 : Plein tarif', 'Billet 3 : Tarif réduit']);
    const names = Array.from(element.querySelectorAll<HTMLInputElement>('[name^="attendees."]'));
    names.forEach((input, index) => type(input, `Nom${index}`));
    type(byLabel(element, 'E-mail'), 'claire@example.org');
    type(element.querySelector('[name="payer.firstName"]'), 'Claire');
    type(element.querySelector('[name="payer.lastName"]'), 'Dubois');
    element.querySelector('form')?.requestSubmit();
    await settle();
    expect(sent[0]?.tickets.items).toEqual([
      { typeId: 'plein', quantity: 2 },
      { typeId: 'reduit', quantity: 1 },
      { typeId: 'enfant', quantity: 0 },
    ]);
    expect(sent[0]?.tickets.attendees?.map((a) => a.typeId)).toEqual(['plein', 'plein', 'reduit']);
    const third = element.querySelector('[name="attendees.1.0.lastName"]') as HTMLInputElement;
    expect(third.getAttribute('aria-invalid')).toBe('true');
    expect(third.closest('.g-field')?.querySelector('.g-error')?.textContent).toBe(
      'Nom du participant : trop long.',
    );
  });

  test('nothing chosen: the order is not sent and the list says why', async () => {
    const { element, calls } = await mount('guichet-tickets', definitionRoute(examples.tickets()));
    element.querySelector('form')?.requestSubmit();
    await settle();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
    expect(element.querySelector('[data-field="tickets.items"] > .g-error')?.textContent).toBe(
      'Billets : choisissez au moins un billet.',
    );
  });
});
