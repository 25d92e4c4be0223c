import { fieldName, readInnerForm } from '../../src/core/inner-form';
import { FormState } from '../../src/core/state';

describe('the host’s no-JS form', () => {
  test('names may be dotted or PHP brackets', () => {
    expect(fieldName('payer.email')).toBe('payer.email');
    expect(fieldName('payer[email]')).toBe('payer.email');
    expect(fieldName('membership[members][1][firstName]')).toBe('membership.members.1.firstName');
  });

  test('what was typed, ticked or chosen is read by protocol name; buttons and disabled fields are not', () => {
    document.body.innerHTML = `<form>
      <input name="payer[email]" value="claire@example.org">
      <input type="radio" name="donation.amount" value="1500">
      <input type="radio" name="donation.amount" value="2500" checked>
      <input type="checkbox" name="consents.newsletterOptIn" checked>
      <input type="checkbox" name="donation.anonymous">
      <select name="payer.address.country"><option>BE</option><option selected>FR</option></select>
      <textarea name="donation.dedication">Pour Jeanne</textarea>
      <input type="hidden" name="locale" value="fr">
      <input name="disabled" value="x" disabled>
      <button name="go" value="1">Donner</button>
    </form>`;
    expect(readInnerForm(document.querySelector('form') as HTMLFormElement)).toEqual({
      'payer.email': 'claire@example.org',
      'donation.amount': '2500',
      'consents.newsletterOptIn': true,
      'donation.anonymous': false,
      'payer.address.country': 'FR',
      'donation.dedication': 'Pour Jeanne',
      locale: 'fr',
    });
  });

  test('a box is ticked whatever value it sends, even after a hidden fallback of the same name (SPIP)', () => {
    document.body.innerHTML = `<form>
      <input type="hidden" name="coverFees" value=""><input type="checkbox" name="coverFees" value="1" checked>
      <input type="hidden" name="consents[newsletterOptIn]" value="0">
      <input type="checkbox" name="consents[newsletterOptIn]" value="1">
      <input type="checkbox" name="membership.taxReceipt" value="yes" checked>
    </form>`;
    const state = new FormState(readInnerForm(document.querySelector('form') as HTMLFormElement));
    expect(
      ['coverFees', 'consents.newsletterOptIn', 'membership.taxReceipt'].map((name) => state.flag(name)),
    ).toEqual([true, false, true]);
  });
});
