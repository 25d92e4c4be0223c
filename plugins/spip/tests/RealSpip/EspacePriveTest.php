<?php
/** Real SPIP: the treasurer's pages in the private space, logged in through SPIP's own login form. */

final class EspacePriveTest extends RealSpipTestCase {
	/** The page's main content as text; fails on a squelette SPIP could not compile. */
	private static function contenu(array $page): string {
		self::assertSame(200, $page['statut'], $page['url']);
		self::assertStringNotContainsString('Erreur(s) dans le squelette', $page['corps'], $page['url']);
		self::assertStringNotContainsString('zbug', $page['corps'], $page['url']);
		return implode(' ', Navigateur::textes($page['corps'], "//*[@id='contenu']"));
	}

	/** A paid simulation donation of $montant cents, by the no-JS path; returns the order id. */
	private static function donPaye(int $don, int $article, int $montant): string {
		$v = self::visiteur();
		$page = $v->get("/spip.php?page=article&id_article=$article");
		$page = $v->soumettre($page['corps'], 'guichet_paiement', [
			'donation' => ['amount' => (string) ($montant / 100)],
			'payer' => ['email' => 'alix@example.fr', 'firstName' => 'Alix', 'lastName' => '=Dupont', 'address' => ['line1' => '1 rue Haute', 'postalCode' => '75011', 'city' => 'Paris']],
			'payment' => ['method' => 'simulation'],
		]);
		$commande = (string) preg_replace('/.*[?&]commande=([^&]+).*/', '$1', $page['url']);
		$v->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4242 4242 4242 4242']);
		self::assertSame('paid', self::commande($commande)['statut']);
		return $commande;
	}

	public function testTheTreasurersMenusLeadToPagesThatRender(): void {
		$t = self::tresoriere();
		$accueil = $t->get('/ecrire/');
		foreach (['guichet_commandes', 'guichet_formulaires', 'configurer_guichet'] as $exec) {
			self::assertNotEmpty(Navigateur::textes($accueil['corps'], "//a[contains(@href,'exec=$exec')]"), "a menu entry leads to $exec");
		}
		self::assertStringContainsString('Dons, adhésions, billets', self::contenu($t->get('/ecrire/?exec=guichet_commandes')));
		self::assertStringContainsString('Formulaires Guichet', self::contenu($t->get('/ecrire/?exec=guichet_formulaires')));
		self::assertStringContainsString('Configurer Guichet', self::contenu($t->get('/ecrire/?exec=configurer_guichet')));
		self::assertStringContainsString('Cette commande n’existe pas.', self::contenu($t->get('/ecrire/?exec=guichet_commande&commande=ord_inconnue')));
	}

	public function testAnEditorMayBuildFormsButNeverSeesOrdersOrKeys(): void {
		$r = self::redacteur();
		$accueil = $r->get('/ecrire/');
		self::assertNotEmpty(Navigateur::textes($accueil['corps'], "//a[contains(@href,'exec=guichet_formulaires')]"), 'Édition › Formulaires Guichet');
		self::assertSame([], Navigateur::textes($accueil['corps'], "//a[contains(@href,'exec=guichet_commandes') or contains(@href,'exec=configurer_guichet')]"));
		foreach (['guichet_commandes', 'configurer_guichet', 'guichet_commande&commande=ord_x'] as $exec) {
			$page = $r->get("/ecrire/?exec=$exec");
			self::assertStringNotContainsString('Dons, adhésions, billets', implode(' ', Navigateur::textes($page['corps'], "//*[@id='contenu']//h1")), $exec);
			self::assertSame([], Navigateur::textes($page['corps'], "//form[.//input[@name='formulaire_action'][@value='configurer_guichet']]"), $exec);
			self::assertSame([], Navigateur::textes($page['corps'], "//a[contains(@href,'action=guichet_exporter')]"), $exec);
		}
	}

	public function testAnEditorBuildsAFormPublishesItAndTheArticleShowsIt(): void {
		$t = self::tresoriere();
		$article = self::article("Réservez !\n\n<billetterie1000>");
		$config = json_decode((string) file_get_contents(GUICHET_REPO_DIR . '/docs/examples/protocol/form-config.tickets.json'), true);
		unset($config['id'], $config['kind']);
		$config['payment'] = ['providers' => ['simulation']];

		$page = $t->get('/ecrire/?exec=guichet_formulaire_edit&new=oui');
		$page = $t->soumettre($page['corps'], 'editer_guichet_formulaire', ['titre' => 'Concert', 'genre' => 'tickets', 'config' => '{pas du json']);
		self::assertStringContainsString('JSON', implode(' ', Navigateur::textes($page['corps'], "//*[contains(@class,'erreur_message')]")), 'a broken configuration is refused');
		// Without a title: refused, and the JSON typed (quotes, accents) comes back intact in its field.
		$page = $t->soumettre($page['corps'], 'editer_guichet_formulaire', ['titre' => '', 'genre' => 'tickets', 'config' => json_encode($config, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE)]);
		self::assertNotEmpty(Navigateur::textes($page['corps'], "//*[contains(@class,'editer_titre')]//*[contains(@class,'erreur_message')]"));
		self::assertSame($config, json_decode(Navigateur::formulaire($page['corps'], 'editer_guichet_formulaire')[1]['config'], true));
		$page = $t->soumettre($page['corps'], 'editer_guichet_formulaire', ['titre' => 'Concert de Noël']);
		self::assertMatchesRegularExpression('/exec=guichet_formulaire&id_guichet_formulaire=(\d+)/', $page['url']);
		$id = (int) preg_replace('/.*id_guichet_formulaire=(\d+).*/', '$1', $page['url']);
		$texte = self::contenu($page);
		self::assertStringContainsString("<billetterie$id>", $texte, 'the shortcut to copy');
		self::assertStringContainsString("<guichet$id>", $texte);
		self::assertSame('prepa', self::site()->php("echo sql_getfetsel('statut', 'spip_guichet_formulaires', 'id_guichet_formulaire = $id');"));
		self::assertSame($config, json_decode(self::site()->php("echo sql_getfetsel('config', 'spip_guichet_formulaires', 'id_guichet_formulaire = $id');"), true));

		$avant = self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'];
		self::assertSame([], Navigateur::textes($avant, '//guichet-tickets'));
		// The article now names the form; publishing it through SPIP's status form shows it to visitors.
		self::site()->php("include_spip('action/editer_objet'); objet_modifier('article', $article, ['texte' => 'Réservez ! <billetterie$id>']);");
		self::assertSame([], Navigateur::textes(self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'], '//guichet-tickets'), 'a draft form prints nothing');
		// SPIP drops cached pages older than the last change, to the second: publish in the next one.
		sleep(1);
		$t->soumettre($page['corps'], 'instituer_objet', ['statut' => 'publie']);
		self::assertSame('publie', self::site()->php("echo sql_getfetsel('statut', 'spip_guichet_formulaires', 'id_guichet_formulaire = $id');"));
		self::assertSame([(string) $id], Navigateur::textes(self::visiteur()->get("/spip.php?page=article&id_article=$article")['corps'], '//guichet-tickets/@form'), 'the cached article shows the form once it is published');

		self::assertStringContainsString('Concert de Noël', self::contenu($t->get('/ecrire/?exec=guichet_formulaires')));
	}

	public function testTheConfigurationKeepsKeysSecret(): void {
		$t = self::tresoriere();
		$page = $t->get('/ecrire/?exec=configurer_guichet');
		self::assertStringContainsString(self::site()->url . '/spip.php?action=guichet_webhook&prestataire=stripe', self::contenu($page), 'the webhook URL to paste in Stripe');
		$page = $t->soumettre($page['corps'], 'configurer_guichet', ['stripe_cle_secrete' => 'sk_test_cleDeTest4321', 'stripe_secret_webhook' => 'whsec_secretDeTest8765']);
		self::assertStringContainsString('…4321', self::contenu($page));
		self::assertStringNotContainsString('cleDeTest', $page['corps'], 'a key just typed is not printed back');
		self::assertStringNotContainsString('secretDeTest', $page['corps']);
		$page = $t->soumettre($page['corps'], 'configurer_guichet', ['organisation_nom' => "L'Atelier & Co"]);
		$page = $t->soumettre($page['corps'], 'configurer_guichet', ['organisation_objet' => 'Jardinage partagé']);
		self::assertSame("L'Atelier & Co", self::site()->php("echo lire_config('guichet/organisation/nom');"), 'saved twice, still as typed');
		self::assertSame('sk_test_cleDeTest4321', self::site()->php("echo lire_config('guichet/stripe/cle_secrete');"), 'an empty key field keeps the saved key');
		$page = $t->soumettre($page['corps'], 'configurer_guichet', ['stripe_cle_secrete' => 'pk_test_mauvaise']);
		self::assertStringContainsString('sk_', implode(' ', Navigateur::textes($page['corps'], "//*[contains(@class,'erreur_message')]")));
		self::assertSame('sk_test_cleDeTest4321', self::site()->php("echo lire_config('guichet/stripe/cle_secrete');"));
		// The site is shared: Stripe is not reachable from these tests, and the others expect the usual name.
		self::site()->php("ecrire_config('guichet/stripe/cle_secrete', ''); ecrire_config('guichet/stripe/secret_webhook', '');
			ecrire_config('guichet/organisation/nom', 'Les Amis du Jardin partagé');");
	}

	public function testTheTreasurerSeesFiltersExportsAndRefundsOrders(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$article = self::article("<don$don>");
		$commande = self::donPaye($don, $article, 4200);
		$t = self::tresoriere();

		$liste = $t->get('/ecrire/?exec=guichet_commandes&recherche=alix%40example.fr&statut=paid');
		self::assertStringContainsString('42,00', str_replace("\u{a0}", ' ', self::contenu($liste)));
		$lien = Navigateur::textes($liste['corps'], "//a[contains(@href,'commande=$commande')]/@href");
		self::assertCount(1, $lien, 'the order links to its page');
		$export = Navigateur::textes($liste['corps'], "//a[contains(@href,'action=guichet_exporter')]/@href");
		self::assertCount(1, $export);

		$csv = $t->requete('GET', $export[0]);
		self::assertSame(200, $csv['statut']);
		self::assertStringStartsWith('text/csv', $csv['entetes']['content-type'] ?? '');
		$lignes = array_map(static function ($l) {
			return str_getcsv($l, ';');
		}, array_values(array_filter(explode("\n", substr($csv['corps'], 3)))));
		$colonnes = $lignes[0];
		$trouvees = array_values(array_filter(array_slice($lignes, 1), static function ($l) use ($colonnes, $commande) {
			return array_combine($colonnes, $l)['commande'] === $commande;
		}));
		self::assertCount(1, $trouvees);
		$ligne = array_combine($colonnes, $trouvees[0]);
		self::assertSame(['4200', '42,00', 'paid', "'=Dupont"], [$ligne['total_centimes'], $ligne['total'], $ligne['statut'], $ligne['nom']]);
		self::assertSame(count($lignes) - 1, count(array_filter(array_slice($lignes, 1), static function ($l) use ($colonnes) {
			return array_combine($colonnes, $l)['statut'] === 'paid';
		})), 'the file is the filtered list');

		// Someone else replaying the treasurer's export link gets nothing.
		$autre = self::visiteur()->requete('GET', $export[0]);
		self::assertStringNotContainsString('alix@example.fr', $autre['corps']);

		$detail = $t->get(html_entity_decode($lien[0]));
		self::assertStringContainsString('Payé', self::contenu($detail));
		$rembourser = Navigateur::textes($detail['corps'], "//a[contains(@href,'action=guichet_rembourser')]/@href");
		self::assertCount(1, $rembourser);
		$apres = $t->get($rembourser[0]);
		self::assertStringContainsString('fait=oui', $apres['url']);
		self::assertStringContainsString('Remboursé', self::contenu($apres));
		self::assertSame(['refunded', 4200], [self::commande($commande)['statut'], (int) self::commande($commande)['rembourse']]);
		self::assertSame([], Navigateur::textes($apres['corps'], "//a[contains(@href,'action=guichet_rembourser')]"), 'refunded once, no button any more');
		self::assertSame([], self::site()->erreursDuPlugin());
	}

	public function testAChequeIsMarkedReceivedFromTheOrdersPage(): void {
		$adhesion = self::formulaire('form-config.membership', ['payment' => ['providers' => ['offline'], 'offlineMethods' => ['cheque']]]);
		$v = self::visiteur();
		$page = $v->get('/spip.php?page=article&id_article=' . self::article("<adhesion$adhesion>"));
		$v->soumettre($page['corps'], 'guichet_paiement', [
			'membership' => ['tierId' => 'individuelle'],
			'payer' => ['email' => 'yann@example.fr', 'firstName' => 'Yann', 'lastName' => 'Le Goff', 'address' => ['line1' => '2 quai Ouest', 'postalCode' => '29200', 'city' => 'Brest']],
			'payment' => ['method' => 'offline:cheque'],
		]);
		$commande = self::site()->php("echo sql_getfetsel('commande', 'spip_guichet_commandes', 'id_guichet_formulaire = $adhesion');");
		$t = self::tresoriere();
		$detail = $t->get('/ecrire/?exec=guichet_commande&commande=' . $commande);
		self::assertStringContainsString('En attente', self::contenu($detail));
		$recu = Navigateur::textes($detail['corps'], "//a[contains(@href,'action=guichet_marquer_recu')]/@href");
		self::assertCount(1, $recu);
		self::assertStringContainsString('Payé', self::contenu($t->get($recu[0])));
		self::assertSame('paid', self::commande($commande)['statut']);
	}
}
