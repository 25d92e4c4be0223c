<?php
/** formulaires/guichet_paiement: the no-JS path inside each modèle (charger, verifier, traiter). */

final class PaiementFormulaireTest extends SiteSpipTestCase {
	protected function setUp(): void {
		parent::setUp();
		include_spip('formulaires/guichet_paiement');
		$GLOBALS['standin']['self'] = 'spip.php?article7';
	}

	private function poster(array $valeurs): void {
		set_request('formulaire_action', 'guichet_paiement');
		foreach ($valeurs as $cle => $valeur) {
			set_request($cle, $valeur);
		}
	}

	private function donValide(string $moyen = 'simulation'): array {
		return [
			'jeton' => 'abc123',
			'donation' => ['amount' => '25', 'frequency' => 'once', 'taxReceipt' => '1'],
			'payer' => ['email' => 'camille@example.fr', 'firstName' => 'Camille', 'lastName' => 'Martin',
				'address' => ['line1' => '8 allée des Tilleuls', 'postalCode' => '93100', 'city' => 'Montreuil', 'country' => 'FR']],
			'payment' => ['method' => $moyen],
		];
	}

	public function testChargerOffersTheFormsPaymentMethodsAndHidesAnUnknownForm(): void {
		$env = formulaires_guichet_paiement_charger_dist($this->formulaires['donation']);
		self::assertSame(['simulation', 'offline:cheque'], array_column($env['_guichet_moyens'], 'valeur'));
		self::assertMatchesRegularExpression('/^[a-f0-9]{24}$/', $env['jeton']);

		$absent = formulaires_guichet_paiement_charger_dist('999');
		self::assertFalse($absent['editable']);
		self::assertSame('Ce formulaire n’est pas disponible.', $absent['message_erreur']);
	}

	public function testEveryMistakeIsListedAtOnceInFrenchAndWhatWasTypedStays(): void {
		$this->poster(['donation' => ['amount' => 'vingt'], 'payer' => ['email' => 'camille@', 'firstName' => 'Camille'], 'payment' => ['method' => 'simulation']]);
		$erreurs = formulaires_guichet_paiement_verifier_dist($this->formulaires['donation']);
		self::assertArrayHasKey('donation.amount', $erreurs);
		self::assertArrayHasKey('payer.email', $erreurs);
		self::assertArrayHasKey('payer.lastName', $erreurs);
		self::assertStringContainsString('erreur', $erreurs['message_erreur']);

		$html = recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]);
		self::assertStringContainsString('value="camille@"', $html, 'the typed email is shown again');
		self::assertStringContainsString('value="vingt"', $html);
		self::assertMatchesRegularExpression('/name="payer\[email\]"[^>]*aria-describedby="[^"]*-erreur"[^>]*aria-invalid="true"/', $html);
		self::assertStringContainsString('role="alert"', $html);
		// SPIP's CVT errors are HTML: each is shown once, as markup, never as escaped tags.
		self::assertMatchesRegularExpression('#<span class="erreur_message" id="[^"]*-payer-email-erreur"><span role=\'alert\'>[^<]*e-mail[^<]*</span></span>#', $html);
		self::assertStringNotContainsString('&lt;span', $html);
	}

	public function testANameWithQuotesAndAmpersandsComesBackAsTyped(): void {
		$this->poster(['donation' => ['amount' => '25'], 'payer' => ['email' => 'x', 'firstName' => 'Zoë <b>', 'lastName' => "O'Brien & fils"], 'payment' => ['method' => 'simulation']]);
		$html = recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]);
		self::assertStringContainsString('value="O\'Brien &amp; fils"', $html, 'escaped once, not twice');
		self::assertStringContainsString('value="Zoë &lt;b&gt;"', $html);
	}

	public function testADonorWithoutAReceiptLeavesTheAddressEmpty(): void {
		// The page prints the country already filled in (FR); that alone is not an address to check.
		$this->poster(['donation' => ['amount' => '25', 'taxReceipt' => ''], 'payer' => ['email' => 'camille@example.fr', 'firstName' => 'Camille', 'lastName' => 'Martin',
			'address' => ['line1' => '', 'postalCode' => '', 'city' => '', 'country' => 'FR']], 'payment' => ['method' => 'simulation']]);
		self::assertSame([], formulaires_guichet_paiement_verifier_dist($this->formulaires['donation']));
	}

	public function testTheSameMistakesAreExplainedInEnglishOnAnEnglishPage(): void {
		$GLOBALS['spip_lang'] = 'en';
		$this->poster(['donation' => ['amount' => '25'], 'payer' => ['email' => 'nope'], 'payment' => ['method' => 'simulation']]);
		$erreurs = formulaires_guichet_paiement_verifier_dist($this->formulaires['donation']);
		self::assertArrayHasKey('payer.email', $erreurs);
		self::assertDoesNotMatchRegularExpression('/[àéè]/u', $erreurs['payer.email'] . $erreurs['payer.firstName']);
		self::assertStringContainsString('error', $erreurs['message_erreur']);
	}

	public function testAnOfferedButUnconfiguredMethodIsRefused(): void {
		$this->poster(['payment' => ['method' => 'stripe']] + $this->donValide());
		set_request('payment', ['method' => 'stripe']);
		$erreurs = formulaires_guichet_paiement_verifier_dist($this->formulaires['donation']);
		self::assertArrayHasKey('payment.method', $erreurs);
	}

	public function testTraiterSendsTheCardPayerToTheSimulationPageAndAReloadReplaysTheSameOrder(): void {
		$this->poster($this->donValide());
		self::assertSame([], formulaires_guichet_paiement_verifier_dist($this->formulaires['donation']));
		$suite = formulaires_guichet_paiement_traiter_dist($this->formulaires['donation']);
		self::assertStringStartsWith('spip.php?page=guichet_simulation&commande=ord_', $suite['redirect']);
		$retour = parametre_url($suite['redirect'], 'retour');
		self::assertStringStartsWith('https://asso.example/spip.php?article7&guichet_order=ord_', $retour);
		self::assertStringContainsString('guichet_token=', $retour);

		$encore = formulaires_guichet_paiement_traiter_dist($this->formulaires['donation']);
		self::assertSame(parametre_url($suite['redirect'], 'commande'), parametre_url($encore['redirect'], 'commande'));
		self::assertSame(1, sql_countsel('spip_guichet_commandes'));
		$commande = json_decode((string) sql_getfetsel('donnees', 'spip_guichet_commandes'), true);
		self::assertSame(2500, $commande['total']);
		self::assertTrue($commande['request']['donation']['taxReceipt']);
	}

	public function testBackFromPayingThePayerReadsTheOutcomeInPlaceOfTheForm(): void {
		$this->poster($this->donValide());
		$suite = formulaires_guichet_paiement_traiter_dist($this->formulaires['donation']);
		$commande = parametre_url($suite['redirect'], 'commande');
		$retour = parametre_url($suite['redirect'], 'retour');
		set_request('formulaire_action', null);
		set_request('guichet_order', $commande);
		set_request('guichet_token', parametre_url($retour, 'guichet_token'));

		// Amounts are formatted with a no-break space before the currency sign.
		$html = str_replace("\u{a0}", ' ', recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]));
		self::assertStringContainsString('Votre paiement de 25,00 € est en cours de confirmation.', $html, 'back before the payment is confirmed');
		self::assertStringNotContainsString('name="payer[email]"', $html, 'no second order by mistake');
		\Guichet\Adapter\Orders\SimulatePayment::run(guichet_site(), $commande, parametre_url($suite['redirect'], 'secret'), ['type' => 'confirm', 'card' => '4242424242424242'], 'fr');
		$html = str_replace("\u{a0}", ' ', recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]));
		self::assertStringContainsString('Merci ! Votre paiement de 25,00 € est confirmé.', $html);
		self::assertStringNotContainsString('name="payer[email]"', $html);

		// Another form on the same page, or a token that does not match, shows the form as usual.
		$autre = recuperer_fond('modeles/adhesion', ['id' => $this->formulaires['membership']]);
		self::assertStringNotContainsString('Merci', $autre);
		set_request('guichet_token', 'faux');
		self::assertStringContainsString('name="payer[email]"', recuperer_fond('modeles/don', ['id' => $this->formulaires['donation']]));
	}

	public function testACardPayerWithoutJavascriptIsSentToStripesHostedPage(): void {
		$support = GUICHET_REPO_DIR . '/backend-adapter/php/tests/Support/';
		foreach (['Paths', 'Node', 'StripeEmulator'] as $classe) {
			require_once $support . $classe . '.php';
		}
		$stripe = \Guichet\Adapter\Tests\Support\StripeEmulator::shared($pourquoi);
		if ($stripe === null) {
			self::markTestSkipped("Stripe emulator: $pourquoi");
		}
		register_shutdown_function([\Guichet\Adapter\Tests\Support\StripeEmulator::class, 'stopShared']);
		if (!defined('_GUICHET_STRIPE_API_BASE')) {
			define('_GUICHET_STRIPE_API_BASE', $stripe->url);
		}
		ecrire_config('guichet/stripe', ['cle_publique' => 'pk_test_spip', 'cle_secrete' => 'sk_test_spip', 'secret_webhook' => $stripe->webhookSecret, 'ui' => 'embedded_page']);
		$id = $this->publier('form-config.donation', ['payment' => ['providers' => ['stripe']]]);
		guichet_site(true);
		$this->poster($this->donValide('stripe'));
		self::assertSame([], formulaires_guichet_paiement_verifier_dist($id));
		$suite = formulaires_guichet_paiement_traiter_dist($id);
		self::assertStringStartsWith($stripe->url . '/c/pay/cs_test_', $suite['redirect'] ?? '', 'the hosted page, not "needs JavaScript": ' . json_encode($suite));
		$commande = json_decode((string) sql_getfetsel('donnees', 'spip_guichet_commandes'), true);
		self::assertSame('redirect', $commande['request']['flow']);
	}

	public function testAChequePayerReadsWhereToSendTheCheque(): void {
		$this->poster($this->donValide('offline:cheque'));
		$suite = formulaires_guichet_paiement_traiter_dist($this->formulaires['donation']);
		self::assertFalse($suite['editable']);
		self::assertStringContainsString('Les Amis du Jardin partagé', $suite['message_ok']);
		self::assertStringContainsString('25,00', $suite['message_ok']);
	}

	public function testTicketsSoldOutMeanwhileAreSaidWithoutLosingTheForm(): void {
		$config = self::exemple('form-config.tickets');
		$config['tickets']['types'][0]['quota'] = 1;
		unset($config['tickets']['requireAttendeeNames']);
		$id = $this->publier('form-config.tickets', ['tickets' => $config['tickets']]);
		$this->poster([
			'tickets' => ['items' => [['quantity' => '2']]],
			'payer' => ['email' => 'sofiane@example.fr', 'firstName' => 'Sofiane', 'lastName' => 'Benali'],
			'payment' => ['method' => 'simulation'],
		]);
		$erreurs = formulaires_guichet_paiement_verifier_dist($id);
		self::assertArrayHasKey('tickets.items.0.quantity', $erreurs, json_encode($erreurs));
	}
}
