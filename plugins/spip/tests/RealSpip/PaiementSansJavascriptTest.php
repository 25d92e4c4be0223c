<?php
/** Real SPIP: a visitor without JavaScript pays from the article, through SPIP's own CVT forms. */

final class PaiementSansJavascriptTest extends RealSpipTestCase {
	private const PAYEUR = [
		'email' => 'camille.martin@example.fr', 'firstName' => 'Camille', 'lastName' => 'Martin',
		'address' => ['line1' => '8 allée des Tilleuls', 'postalCode' => '93100', 'city' => 'Montreuil'],
	];

	public function testMistakesAreListedAtOnceThenTheDonorPaysByTestCardAndReadsTheOutcome(): void {
		$site = self::site();
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
		$article = self::article("<don$don>");
		$visiteur = self::visiteur();
		$page = $visiteur->get("/spip.php?page=article&id_article=$article");

		// Everything wrong at once: each field says what is wrong, what was typed stays.
		$page = $visiteur->soumettre($page['corps'], 'guichet_paiement', ['donation' => ['amount' => '2'], 'payer' => ['email' => 'camille@']]);
		self::assertStringContainsString("id_article=$article", $page['url'], 'still on the article');
		self::assertSame(['Le formulaire contient 4 erreur(s) : corrigez les champs signalés.'], Navigateur::textes($page['corps'], "//p[contains(@class,'reponse_formulaire_erreur')]"));
		$erreurs = Navigateur::textes($page['corps'], "//span[contains(@class,'erreur_message')]/span[@role='alert']");
		self::assertCount(4, $erreurs, 'amount, email, first and last names; no address asked without a receipt');
		self::assertStringContainsString('5,00', $erreurs[0]);
		self::assertSame(['camille@'], Navigateur::textes($page['corps'], "//input[@name='payer[email]']/@value"));
		self::assertSame(['true'], Navigateur::textes($page['corps'], "//input[@name='payer[email]']/@aria-invalid"));
		$decrit = Navigateur::textes($page['corps'], "//input[@name='payer[email]']/@aria-describedby")[0];
		self::assertStringContainsString('e-mail', Navigateur::textes($page['corps'], "//*[@id='$decrit']")[0], 'the error is tied to its field');

		// Corrected: off to the test card page, then a declined card, then a good one.
		$page = $visiteur->soumettre($page['corps'], 'guichet_paiement', ['donation' => ['amount' => '30'], 'payer' => self::PAYEUR, 'payment' => ['method' => 'simulation']]);
		self::assertStringContainsString('page=guichet_simulation', $page['url']);
		$commande = (string) preg_replace('/.*[?&]commande=([^&]+).*/', '$1', $page['url']);
		self::assertSame('pending', self::commande($commande)['statut']);
		self::assertSame(3000, (int) self::commande($commande)['total']);
		$page = $visiteur->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4000 0000 0000 0002']);
		self::assertNotEmpty(Navigateur::textes($page['corps'], "//p[contains(@class,'reponse_formulaire_erreur')]"), 'a declined card is said');
		$page = $visiteur->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4242 4242 4242 4242']);

		self::assertStringContainsString("id_article=$article", $page['url'], 'back on the article');
		self::assertStringContainsString('guichet_order=' . $commande, $page['url']);
		self::assertSame(['Merci ! Votre paiement de 30,00 € est confirmé.'], array_map(static function ($t) {
			return str_replace("\u{a0}", ' ', $t);
		}, Navigateur::textes($page['corps'], "//guichet-donation//p[contains(@class,'reponse_formulaire_ok')]")));
		self::assertSame([], Navigateur::textes($page['corps'], '//guichet-donation//form'), 'no second order by mistake');
		$ligne = self::commande($commande);
		self::assertSame('paid', $ligne['statut']);
		self::assertSame('camille.martin@example.fr', $ligne['email']);
		self::assertSame([], $site->erreursDuPlugin());
	}

	public function testAChequeMemberReadsWhereToSendTheCheque(): void {
		$adhesion = self::formulaire('form-config.membership', ['payment' => ['providers' => ['offline'], 'offlineMethods' => ['cheque']]]);
		$article = self::article("<adhesion$adhesion>");
		$visiteur = self::visiteur();
		$page = $visiteur->get("/spip.php?page=article&id_article=$article");
		[, $champs] = Navigateur::formulaire($page['corps'], 'guichet_paiement');
		$page = $visiteur->soumettre($page['corps'], 'guichet_paiement', [
			'membership' => ['tierId' => 'famille'], 'payer' => self::PAYEUR, 'payment' => ['method' => 'offline:cheque'],
		]);
		$message = implode(' ', Navigateur::textes($page['corps'], "//guichet-membership//p[contains(@class,'reponse_formulaire_ok')]"));
		self::assertStringContainsString('Les Amis du Jardin partagé', $message, 'payee of the cheque; the page said: ' . implode(' ', Navigateur::textes($page['corps'], "//guichet-membership//*[contains(@class,'erreur')]")));
		self::assertStringContainsString('12 rue des Lilas', $message);
		self::assertStringContainsString('30,00', $message, 'the family tier\'s price');
		self::assertArrayHasKey('jeton', $champs);
		$commandes = self::site()->json('echo json_encode(sql_allfetsel("statut, prestataire", "spip_guichet_commandes", "id_guichet_formulaire = ' . $adhesion . '"));');
		self::assertSame([['statut' => 'pending', 'prestataire' => 'offline']], $commandes, 'one order, waiting for its cheque');
	}

	public function testAConcertGoerChoosesTicketsNamesEachAttendeeAndPays(): void {
		$concert = self::formulaire('form-config.tickets', ['payment' => ['providers' => ['simulation']]]);
		$article = self::article("<billetterie$concert>");
		$visiteur = self::visiteur();
		$page = $visiteur->get("/spip.php?page=article&id_article=$article");
		self::assertSame(['Concert de Noël au jardin'], Navigateur::textes($page['corps'], "//guichet-tickets//h2"));
		self::assertStringContainsString('samedi 12 décembre 2099 à 20:00', implode(' ', Navigateur::textes($page['corps'], "//guichet-tickets//p[@class='guichet-evenement']")));

		$page = $visiteur->soumettre($page['corps'], 'guichet_paiement', ['tickets' => ['items' => [['quantity' => '2']]], 'payer' => ['email' => 'nora@example.fr', 'firstName' => 'Nora', 'lastName' => 'Haddad']]);
		self::assertSame(['Plein tarif 1', 'Plein tarif 2'], Navigateur::textes($page['corps'], "//fieldset[@class='guichet-participant']/legend"), 'one name per ticket asked');
		$page = $visiteur->soumettre($page['corps'], 'guichet_paiement', ['tickets' => ['attendees' => [[['firstName' => 'Nora', 'lastName' => 'Haddad'], ['firstName' => 'Yanis', 'lastName' => 'Haddad']]]]]);
		self::assertStringContainsString('page=guichet_simulation', $page['url'], implode(' ', Navigateur::textes($page['corps'], "//*[contains(@class,'erreur')]")));
		$commande = (string) preg_replace('/.*[?&]commande=([^&]+).*/', '$1', $page['url']);
		self::assertSame(3000, (int) self::commande($commande)['total']);
		$page = $visiteur->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4242 4242 4242 4242']);
		self::assertSame('paid', self::commande($commande)['statut']);
		self::assertCount(2, Navigateur::textes($page['corps'], "//guichet-tickets//p[contains(@class,'reponse_formulaire_ok')]/br"), 'the two tickets with their codes');
	}
}
