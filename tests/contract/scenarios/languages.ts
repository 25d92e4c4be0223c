import { errorMessage } from '../../../backend-adapter/src/protocol';
import type { ContractContext } from '../suite';
import { donationForm, donationRequest } from '../support/forms';

export function languageScenarios(ctx: ContractContext): void {
  describe('French and English', () => {
    test('field errors speak the payer’s language, from the shared catalogue', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const answers = await Promise.all(
        (['fr', 'en'] as const).map(async (locale) => {
          const request = donationRequest({ locale });
          request.payer.email = 'camille-at-example';
          return [locale, await ctx.client.createOrder(form.id, request)] as const;
        }),
      );
      for (const [locale, answer] of answers) {
        expect(answer.status).toBe(422);
        expect(answer.body.error.message).toBe(errorMessage('validation_failed', locale));
        expect(answer.body.error.errors).toContainEqual({
          code: 'invalid_email',
          field: 'payer.email',
          message: errorMessage('invalid_email', locale, {}, 'payer.email'),
        });
      }
      expect(answers[0]?.[1].body.error.errors[0].message).toMatch(/^E-mail : /);
      expect(answers[1]?.[1].body.error.errors[0].message).toMatch(/^Email: /);
    });

    test('errors found before the body is read follow Accept-Language', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const answer = await ctx.client.createOrder(form.id, undefined, {
        raw: '{',
        acceptLanguage: 'en-GB,en;q=0.9',
      });
      expect(answer.body.error.message).toBe(errorMessage('bad_request', 'en'));
    });

    test('a form reads in the language asked: ?locale first, then Accept-Language', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      expect((await ctx.client.getForm(form.id, { acceptLanguage: 'en-US,en;q=0.8' })).body).toMatchObject({
        locale: 'en',
        title: 'Support the garden',
      });
      expect((await ctx.client.getForm(form.id, { locale: 'fr', acceptLanguage: 'en' })).body).toMatchObject({
        locale: 'fr',
        title: 'Soutenez le jardin',
      });
    });

    test('the payer’s messages about a payment follow the language of the status page', async () => {
      const form = donationForm();
      await ctx.host.installForm(form);
      const { body } = await ctx.client.createOrder(form.id, donationRequest({ locale: 'en' }));
      await ctx.client.confirm(body.next.confirmUrl, {
        clientSecret: body.next.clientSecret,
        card: '4000 0000 0000 0002',
      });
      const en = await ctx.client.getOrder(body.order.id, body.token, 'en');
      const fr = await ctx.client.getOrder(body.order.id, body.token, 'fr');
      expect(en.body.failure.message).toBe(errorMessage('payment_declined', 'en'));
      expect(fr.body.failure.message).toBe(errorMessage('payment_declined', 'fr'));
    });
  });
}
