import { errorMessage, fieldLabel, isErrorCode } from '../../src/protocol';

describe('errorMessage', () => {
  it('puts the label of the field in front, in the payer’s language', () => {
    expect(errorMessage('required', 'fr', {}, 'payer.email')).toBe('E-mail : ce champ est obligatoire.');
    expect(errorMessage('required', 'en', {}, 'payer.email')).toBe('Email: this field is required.');
  });

  it('finds the label of a field inside a list, whatever its index', () => {
    expect(errorMessage('required', 'fr', {}, 'membership.members.1.lastName')).toBe(
      'Nom du membre : ce champ est obligatoire.',
    );
    expect(errorMessage('required', 'en', {}, 'membership.members.12.lastName')).toBe(
      "Member's last name: this field is required.",
    );
    expect(fieldLabel('tickets.items.0.quantity', 'fr')).toBe('Quantité');
    expect(fieldLabel('payer.address.postalCode', 'en')).toBe('Postal code');
  });

  it('fills every placeholder from the parameters, numbers included', () => {
    const params = { available: 3, name: 'Tarif réduit' };
    expect(errorMessage('not_enough_available', 'fr', params, 'tickets.items.1.quantity')).toBe(
      'Quantité : il ne reste que 3 place(s) pour « Tarif réduit ».',
    );
    expect(errorMessage('not_enough_available', 'en', params, 'tickets.items.1.quantity')).toBe(
      'Quantity: only 3 seat(s) left for “Tarif réduit”.',
    );
    expect(errorMessage('too_many_members', 'en', { max: 6 }, 'membership.members')).toBe(
      'Members: at most 6 members per membership.',
    );
  });

  it('takes amounts already formatted by the host for the locale', () => {
    expect(errorMessage('amount_too_small', 'fr', { min: '5,00 €' }, 'donation.amount')).toBe(
      'Montant du don : le montant minimum est de 5,00 €.',
    );
    expect(errorMessage('amount_mismatch', 'en', { total: '€34.00' })).toBe(
      'The amount has changed: it is now €34.00. Check your order before paying.',
    );
  });

  it('lets an explicit {field} parameter win over the label', () => {
    expect(errorMessage('required', 'fr', { field: 'Allergies' }, 'tickets.fields.allergies')).toBe(
      'Allergies : ce champ est obligatoire.',
    );
  });

  it('shows the path of a field the catalogue has no label for, and leaves a missing parameter visible', () => {
    expect(errorMessage('required', 'en', {}, 'tickets.fields.allergies')).toBe(
      'tickets.fields.allergies: this field is required.',
    );
    expect(errorMessage('amount_too_large', 'en', {}, 'donation.amount')).toBe(
      'Donation amount: the maximum amount is {max}.',
    );
  });

  it('gives messages without placeholders unchanged', () => {
    expect(errorMessage('form_closed', 'fr')).toBe(
      "Ce formulaire est fermé : il n'accepte plus de paiement.",
    );
    expect(errorMessage('form_closed', 'en')).toBe('This form is closed and no longer takes payments.');
  });

  it('knows its codes', () => {
    expect(isErrorCode('sold_out')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('card_declined')).toBe(false);
  });
});
