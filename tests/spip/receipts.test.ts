// Tax receipts on a real SPIP 4.1 (GUICHET_SPIP_ROOT; skipped with a line saying so without it): a donation
// paid by the simulation with a receipt asked gets the next number in GET orders/{id}, and its signed link
// (the public action guichet_recu) serves a PDF that says who gave what, read back with pdf.js; a wrong or
// missing token is 404. A treasurer logged in with Chromium meets the settings form (with its errors) and the
// page "Reçus fiscaux", both checked with axe-core; what they do is the PHP real-SPIP tier's
// (plugins/spip/tests/RealSpip/RecusFiscauxTest.php).
import type { Browser } from 'playwright-core';
import { guardedPage, launchChromium } from '../browser/support/browser';
import { expectAccessibleWithin } from './axe-within';
import { spipUnavailable, startSpip, type Json, type SpipSite } from './spip-site';
import { signedReceiptLinkTests } from '../support/receipt-links';
import { paidSimulationDonation, RECEIPT_GIFT } from '../support/simulation-donation';

jest.setTimeout(120_000);

const unavailable = spipUnavailable();
if (unavailable) console.log(`real-SPIP receipts: SKIPPED (${unavailable})`);

(unavailable ? describe.skip : describe)('tax receipts on a real SPIP', () => {
  let site: SpipSite;
  let formId: number;
  let receipt: { number: string; url: string };

  async function call(method: string, route: string, body?: Json): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${site.url}/spip.php?action=guichet_api&route=${route}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  /** A one-off donation of `amount` cents paid with the test card; its order id and status token. */
  async function paidDonation(amount: number, taxReceipt: boolean): Promise<{ id: string; token: string }> {
    const paid = await paidSimulationDonation(call, formId, amount, taxReceipt);
    expect(paid.confirmed).toMatchObject({ order: { status: 'paid' } });
    return paid;
  }

  beforeAll(async () => {
    site = await startSpip();
    // The receipts settings as the treasurer saves them (configurer_guichet_recus).
    await site.php(`ecrire_config('guichet_recus', ['adresse_ligne1' => '3 place Jean-Jaurès', 'adresse_ligne2' => '',
      'code_postal' => '93100', 'ville' => 'Montreuil', 'pays' => 'FR',
      'objet' => 'Faire vivre un jardin partagé et ses ateliers pour les écoles du quartier.',
      'statut' => 'general_interest', 'statut_detail' => '', 'prefixe' => 'RF',
      'signataire_nom' => 'Claude Petit', 'signataire_qualite' => 'Trésorière', 'signature_document' => '']);`);
    formId = await site.form('form-config.donation', {
      payment: { providers: ['simulation'] },
      taxReceipt: { enabled: true, scheme: 'general' },
    });
    const paid = await paidDonation(RECEIPT_GIFT.amount, true);
    const status = await call('GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
    receipt = status.body.receipt as { number: string; url: string };
  }, 60_000);

  afterAll(async () => {
    await site?.stop();
  });

  test('a paid donation with a receipt asked gets the next number and a signed link to a SPIP action', () => {
    const year = new Date().getFullYear();
    expect(receipt.number).toBe(`RF-${year}-00001`);
    expect(receipt.url).toMatch(
      new RegExp(
        `^${site.url.replace(/[.]/g, '\\.')}/spip\\.php\\?action=guichet_recu&id=rcp_[0-9a-f]{24}&token=[0-9a-f]{64}$`,
      ),
    );
  });

  signedReceiptLinkTests(() => receipt, [...RECEIPT_GIFT.mentions, 'Les Amis du Jardin', 'Claude Petit']);

  test('a donation without a receipt asked gets none, and uses no number', async () => {
    const paid = await paidDonation(2000, false);
    const status = await call('GET', `/orders/${paid.id}?token=${encodeURIComponent(paid.token)}`);
    expect(status.body.receipt).toBeUndefined();
    expect(await site.php(`echo sql_countsel('spip_guichet_recus');`)).toBe('1');
  });

  test("the treasurer's settings form, with its errors, and the receipts page pass axe-core", async () => {
    // A treasurer of the site (administrator) with a password known here, logged in through SPIP's own form.
    const password = `pw-${Date.now()}-receipts`;
    await site.php(`include_spip('action/editer_auteur'); $s = $GLOBALS['visiteur_session'];
      $id = auteur_inserer(); $GLOBALS['visiteur_session'] = $s;
      auteur_modifier($id, ['nom' => 'Trésorière des reçus', 'email' => 'recus@example.org']); $GLOBALS['visiteur_session'] = $s;
      auteur_instituer($id, ['statut' => '0minirezo', 'login' => 'tresoriere_recus', 'pass' => ${JSON.stringify(password)}], true);`);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const { page, close } = await guardedPage(browser, { viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${site.url}/spip.php?page=login&url=ecrire%2F`);
        await page.locator('input[name="var_login"]').fill('tresoriere_recus');
        await page.locator('input[name="password"]').fill(password);
        await Promise.all([
          page.waitForURL(/\/ecrire\//),
          page.locator('input[name="password"]').press('Enter'),
        ]);

        await page.goto(`${site.url}/ecrire/?exec=configurer_guichet`);
        const form = page.locator('#guichet-recus-reglages');
        await form.getByLabel('Adresse', { exact: true }).fill('');
        // The browser's own check (required) would stop the post first: skipped, to meet the server's errors.
        await form.locator('form').evaluate((element) => ((element as HTMLFormElement).noValidate = true));
        await form.getByRole('button', { name: 'Enregistrer' }).click();
        await form.getByText('Ce champ est obligatoire.').first().waitFor();
        expect(await form.getByLabel('Ville').inputValue()).toBe('Montreuil');
        await expectAccessibleWithin(page, '#guichet-recus-reglages', 'receipts settings with an error');

        await page.goto(`${site.url}/ecrire/?exec=guichet_recus`);
        await page.getByRole('rowheader', { name: /^RF-\d{4}-00001$/ }).waitFor();
        await expectAccessibleWithin(page, '#contenu', 'receipts page');
      } finally {
        await close();
      }
    } finally {
      await browser?.close();
    }
  });
});
