<?php
/**
 * Real SPIP: a visitor without JavaScript pays by card on Stripe's hosted page (the repository's Stripe
 * emulator stands in for Stripe), comes back to the article, and the signed webhook confirms the payment.
 */

use Guichet\Adapter\Providers\Shared\SignedHeader;
use Guichet\Adapter\Tests\Support\StripeEmulator;

final class PaiementStripeTest extends RealSpipTestCase {
	/** @var StripeEmulator */
	private static $stripe;

	public static function setUpBeforeClass(): void {
		$support = GUICHET_REPO_DIR . '/backend-adapter/php/tests/Support/';
		require_once GUICHET_REPO_DIR . '/backend-adapter/php/autoload.php';
		foreach (['Paths', 'Node', 'StripeEmulator'] as $classe) {
			require_once $support . $classe . '.php';
		}
	}

	protected function setUp(): void {
		$site = self::site();
		$stripe = StripeEmulator::shared($pourquoi);
		if ($stripe === null) {
			self::markTestSkipped("Stripe emulator: $pourquoi");
		}
		if (self::$stripe === null) {
			register_shutdown_function([StripeEmulator::class, 'stopShared']);
		}
		self::$stripe = $stripe;
		// The site talks to the emulator instead of api.stripe.com (config/mes_options.php, read at each hit).
		file_put_contents($site->racine . '/config/mes_options.php', "<?php\ndefine('_GUICHET_STRIPE_API_BASE', " . var_export($stripe->url, true) . ");\n");
		$site->php('ecrire_config("guichet/stripe", ["cle_publique" => "pk_test_guichet_spip", "cle_secrete" => "sk_test_guichet_spip",
			"secret_webhook" => ' . var_export($stripe->webhookSecret, true) . ', "ui" => "embedded_page"]);');
	}

	protected function tearDown(): void {
		if (self::$stripe !== null) {
			self::site()->php('ecrire_config("guichet/stripe/cle_secrete", ""); ecrire_config("guichet/stripe/secret_webhook", "");');
			@unlink(self::site()->racine . '/config/mes_options.php');
		}
	}

	/** The emulator's signed checkout.session.completed for a session, posted to the site's webhook action. */
	private static function livrerWebhook(string $session): array {
		foreach (self::$stripe->events('checkout.session.completed') as $evenement) {
			if ($evenement['data']['object']['id'] === $session) {
				$corps = (string) json_encode($evenement, JSON_UNESCAPED_SLASHES);
				return self::visiteur()->requete('POST', '/spip.php?action=guichet_webhook&prestataire=stripe', $corps, [
					'Content-Type' => 'application/json', 'Stripe-Signature' => SignedHeader::header($corps, self::$stripe->webhookSecret, time()),
				]);
			}
		}
		self::fail("no checkout.session.completed for $session");
	}

	public function testACardPayerGoesToStripesPageAndComesBackToAConfirmedDonation(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['stripe']]]);
		$article = self::article("<don$don>");
		$visiteur = self::visiteur();
		$page = $visiteur->get("/spip.php?page=article&id_article=$article");
		self::assertSame(['Carte bancaire'], Navigateur::textes($page['corps'], "//guichet-donation//input[@name='payment[method]']/following-sibling::label"));

		$reponse = self::soumettreSansSuivre($visiteur, $page['corps'], [
			'donation' => ['amount' => '35'],
			'payer' => ['email' => 'ines@example.fr', 'firstName' => 'Inès', 'lastName' => 'Moreau', 'address' => ['line1' => '4 rue Basse', 'postalCode' => '69001', 'city' => 'Lyon']],
			'payment' => ['method' => 'stripe'],
		]);
		$hebergee = $reponse['entetes']['location'] ?? '';
		self::assertStringStartsWith(self::$stripe->url . '/c/pay/cs_test_', $hebergee, 'sent to Stripe\'s own page, no JavaScript needed');
		self::assertSame(200, $visiteur->get($hebergee)['statut']);
		$commande = (string) self::site()->php('echo sql_getfetsel("commande", "spip_guichet_commandes", "id_guichet_formulaire = ' . $don . '");');
		self::assertSame(['pending', 3500], [self::commande($commande)['statut'], (int) self::commande($commande)['total']]);

		// Pay on the hosted page: Stripe sends the payer back to the article.
		$paye = $visiteur->requete('POST', $hebergee, 'action=pay', ['Content-Type' => 'application/x-www-form-urlencoded']);
		self::assertSame(303, $paye['statut'], $paye['corps']);
		$retour = (string) $paye['entetes']['location'];
		self::assertStringStartsWith(self::site()->url . '/spip.php?page=article&id_article=' . $article, $retour);
		self::assertStringContainsString('guichet_order=' . $commande, $retour);
		$session = (string) preg_replace('/.*[?&]session_id=([^&]+).*/', '$1', $retour);

		self::assertSame(200, self::livrerWebhook($session)['statut']);
		self::assertSame('paid', self::commande($commande)['statut'], 'paid by the verified webhook');
		$page = $visiteur->get($retour);
		self::assertSame(['Merci ! Votre paiement de 35,00 € est confirmé.'], array_map(static function ($t) {
			return str_replace("\u{a0}", ' ', $t);
		}, Navigateur::textes($page['corps'], "//guichet-donation//p[contains(@class,'reponse_formulaire_ok')]")));
		self::assertSame(200, self::livrerWebhook($session)['statut'], 'a redelivered event is answered and changes nothing');
		self::assertSame([], self::site()->erreursDuPlugin());
	}

	public function testBackFromStripesPageWithoutPayingTheFormIsThereAgain(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['stripe']]]);
		$article = self::article("<don$don>");
		$visiteur = self::visiteur();
		$page = $visiteur->get("/spip.php?page=article&id_article=$article");
		$reponse = self::soumettreSansSuivre($visiteur, $page['corps'], [
			'payer' => ['email' => 'ines@example.fr', 'firstName' => 'Inès', 'lastName' => 'Moreau', 'address' => ['line1' => '4 rue Basse', 'postalCode' => '69001', 'city' => 'Lyon']],
			'payment' => ['method' => 'stripe'],
		]);
		$annule = $visiteur->requete('POST', (string) $reponse['entetes']['location'], 'action=cancel', ['Content-Type' => 'application/x-www-form-urlencoded']);
		self::assertSame(303, $annule['statut']);
		$page = $visiteur->get((string) $annule['entetes']['location']);
		self::assertCount(1, Navigateur::textes($page['corps'], '//guichet-donation//form'), 'the form, to try again');
	}

	/** Submits the no-JS form and returns SPIP's answer itself (its redirect not followed). */
	private static function soumettreSansSuivre(Navigateur $visiteur, string $html, array $saisie): array {
		$reponse = $visiteur->soumettre($html, 'guichet_paiement', $saisie, 0, false);
		self::assertContains($reponse['statut'], [301, 302, 303], 'SPIP redirects the payer: ' . implode(' ', Navigateur::textes($reponse['corps'], "//*[contains(@class,'erreur')]")));
		return $reponse;
	}
}
