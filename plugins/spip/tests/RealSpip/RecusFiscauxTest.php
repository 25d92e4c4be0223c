<?php
/**
 * Real SPIP: tax receipts end to end — the treasurer fills in the receipts settings through SPIP's own form,
 * a donor asking for a receipt pays without JavaScript, the receipt is in the order's status and behind its
 * signed public link, and the private page "Reçus fiscaux" lists it, cancels it and checks the ledger.
 */

final class RecusFiscauxTest extends RealSpipTestCase {
	private static function contenu(array $page): string {
		self::assertSame(200, $page['statut'], $page['url']);
		self::assertStringNotContainsString('Erreur(s) dans le squelette', $page['corps'], $page['url']);
		self::assertStringNotContainsString('zbug', $page['corps'], $page['url']);
		return str_replace("\u{a0}", ' ', implode(' ', Navigateur::textes($page['corps'], "//*[@id='contenu']")));
	}

	public function testTheTreasurerSetsReceiptsUpAPaidGiftGetsOneAndThePrivatePageManagesIt(): void {
		$site = self::site();
		$t = self::tresoriere();

		// Settings through SPIP's form: the problems by field, what was typed kept, then saved.
		$page = $t->get('/ecrire/?exec=configurer_guichet');
		$saisie = [
			'adresse_ligne1' => '', 'code_postal' => '93100', 'ville' => 'Montreuil', 'pays' => 'FR',
			'objet' => 'Faire vivre un jardin « partagé »', 'statut' => '', 'statut_detail' => '', 'prefixe' => '',
			'signataire_nom' => 'Claude Petit', 'signataire_qualite' => 'Trésorière', 'signature_document' => '',
		];
		$page = $t->soumettre($page['corps'], 'configurer_guichet_recus', $saisie);
		$erreurs = Navigateur::textes($page['corps'], "//form[.//input[@name='formulaire_action'][@value='configurer_guichet_recus']]//*[@aria-invalid='true']/@name");
		self::assertEqualsCanonicalizing(['adresse_ligne1', 'statut'], $erreurs);
		self::assertSame(['Faire vivre un jardin « partagé »'], Navigateur::textes($page['corps'], "//input[@name='objet']/@value"));
		self::assertSame('', $site->php("echo serialize(lire_config('guichet_recus', ''));") === 's:0:"";' ? '' : 'saved', 'nothing saved yet');
		$page = $t->soumettre($page['corps'], 'configurer_guichet_recus', ['adresse_ligne1' => '3 place Jean-Jaurès', 'statut' => 'general_interest'] + $saisie);
		self::assertSame('Montreuil', $site->php("echo lire_config('guichet_recus/ville');"));
		$secret = $site->php("echo lire_config('guichet_secret_recus');");
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $secret);
		self::assertStringNotContainsString($secret, $page['corps']);

		// A donor asks for a receipt and pays by test card, without JavaScript.
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']], 'taxReceipt' => ['enabled' => true, 'scheme' => 'general']]);
		$v = self::visiteur();
		$page = $v->get('/spip.php?page=article&id_article=' . self::article("<don$don>"));
		$page = $v->soumettre($page['corps'], 'guichet_paiement', [
			'donation' => ['amount' => '30', 'taxReceipt' => '1'],
			'payer' => ['email' => 'alix@example.fr', 'firstName' => 'Alix', 'lastName' => 'Dupont', 'address' => ['line1' => '1 rue Haute', 'postalCode' => '75011', 'city' => 'Paris']],
			'payment' => ['method' => 'simulation'],
		]);
		$commande = (string) preg_replace('/.*[?&]commande=([^&]+).*/', '$1', $page['url']);
		$retour = $v->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4242 4242 4242 4242']);
		self::assertSame('paid', self::commande($commande)['statut']);

		$annee = (int) gmdate('Y');
		// Back on the article: the outcome names the receipt and links to it.
		self::assertStringContainsString("Votre reçu fiscal n° $annee-00001", implode(' ', Navigateur::textes($retour['corps'], '//body')));
		self::assertCount(1, Navigateur::textes($retour['corps'], "//a[contains(@href,'action=guichet_recu&id=rcp_')]/@href"));
		$recu = $site->json('echo json_encode(sql_fetsel("numero, recu, montant, genre", "spip_guichet_recus", "commandes LIKE " . sql_quote(' . var_export('%"' . $commande . '"%', true) . ')));');
		self::assertSame(["$annee-00001", 3000, 'payment'], [$recu['numero'], (int) $recu['montant'], $recu['genre']]);

		// The signed link: a PDF for anyone holding it, 404 with a token changed.
		$url = $site->php('include_spip("inc/guichet_site"); echo guichet_recus()->link(guichet_recus_stockage()->findReceiptByNumber("' . $annee . '-00001"));');
		self::assertStringStartsWith($site->url . '/spip.php?action=guichet_recu&id=' . $recu['recu'] . '&token=', $url);
		$pdf = self::visiteur()->requete('GET', $url);
		self::assertSame(200, $pdf['statut']);
		self::assertSame('application/pdf', $pdf['entetes']['content-type'] ?? '');
		self::assertStringContainsString('attachment', $pdf['entetes']['content-disposition'] ?? '');
		self::assertStringContainsString('no-store', $pdf['entetes']['cache-control'] ?? '');
		self::assertStringStartsWith('%PDF-1.4', $pdf['corps']);
		$faux = self::visiteur()->requete('GET', substr($url, 0, -1) . (substr($url, -1) === '0' ? '1' : '0'));
		self::assertSame(404, $faux['statut']);
		self::assertStringNotContainsString('%PDF', $faux['corps']);

		// The private page: listed, totalled, cancelled with a signed link, the ledger intact.
		$accueil = $t->get('/ecrire/');
		self::assertNotEmpty(Navigateur::textes($accueil['corps'], "//a[contains(@href,'exec=guichet_recus')]"), 'Activité › Reçus fiscaux');
		$liste = $t->get('/ecrire/?exec=guichet_recus&annee=' . $annee);
		$texte = self::contenu($liste);
		self::assertStringContainsString("$annee-00001", $texte);
		self::assertStringContainsString('Alix Dupont', $texte);
		self::assertStringContainsString('30,00', $texte);
		$annuler = Navigateur::textes($liste['corps'], "//a[contains(@href,'action=guichet_recus') and contains(@href,'annuler')]/@href");
		self::assertCount(1, $annuler);
		self::assertStringNotContainsString('Alix', self::visiteur()->requete('GET', $annuler[0])['corps'], 'another visitor replaying the link gets nothing');
		$apres = $t->get($annuler[0]);
		self::assertStringContainsString("$annee-00002", self::contenu($apres));
		self::assertSame('cancellation', $site->php("echo sql_getfetsel('genre', 'spip_guichet_recus', \"numero = '$annee-00002'\");"));
		$verifier = Navigateur::textes($apres['corps'], "//a[contains(@href,'action=guichet_recus') and contains(@href,'verifier')]/@href");
		self::assertStringContainsString('Le registre des reçus est intact.', self::contenu($t->get($verifier[0])));
		$csv = Navigateur::textes($apres['corps'], "//a[contains(@href,'action=guichet_recus') and contains(@href,'csv')]/@href");
		$fichier = $t->requete('GET', $csv[0]);
		self::assertStringStartsWith('text/csv', $fichier['entetes']['content-type'] ?? '');
		self::assertStringContainsString("$annee-00001", $fichier['corps']);

		// The order's page names its receipts.
		self::assertStringContainsString("$annee-00001", self::contenu($t->get('/ecrire/?exec=guichet_commande&commande=' . rawurlencode($commande))));
		self::assertSame([], $site->erreursDuPlugin());
	}

	/** A 2×1 8-bit RGB PNG without transparency, as the PDF writer accepts. */
	private static function png(): string {
		$bloc = static function ($type, $donnees) {
			return pack('N', strlen($donnees)) . $type . $donnees . pack('N', crc32($type . $donnees));
		};
		return "\x89PNG\r\n\x1A\n" . $bloc('IHDR', pack('NNCCCCC', 2, 1, 8, 2, 0, 0, 0))
			. $bloc('IDAT', (string) gzcompress("\x00\x10\x20\x80\x00\x00\xFF")) . $bloc('IEND', '');
	}

	public function testASignatureImageFromTheMediaLibraryIsPrintedOnTheReceipt(): void {
		$site = self::site();
		@mkdir($site->racine . '/IMG/png', 0777, true);
		file_put_contents($site->racine . '/IMG/png/signature-tresoriere.png', self::png());
		file_put_contents($site->racine . '/IMG/png/pas-une-image.png', 'not a PNG');
		$documents = [];
		foreach (['signature-tresoriere.png', 'pas-une-image.png'] as $fichier) {
			$documents[] = (int) $site->php('echo sql_insertq("spip_documents", ["titre" => "' . $fichier . '", "fichier" => "png/' . $fichier . '",
				"extension" => "png", "media" => "image", "mode" => "document", "distant" => "non", "statut" => "publie", "date" => date("Y-m-d H:i:s")]);');
		}
		$t = self::tresoriere();
		$page = $t->get('/ecrire/?exec=configurer_guichet');
		$saisie = [
			'adresse_ligne1' => '3 place Jean-Jaurès', 'code_postal' => '93100', 'ville' => 'Montreuil', 'pays' => 'FR',
			'objet' => 'Faire vivre un jardin partagé', 'statut' => 'general_interest', 'prefixe' => 'SIG',
			'signataire_nom' => 'Claude Petit', 'signataire_qualite' => 'Trésorière',
		];
		$page = $t->soumettre($page['corps'], 'configurer_guichet_recus', ['signature_document' => (string) $documents[1]] + $saisie);
		self::assertSame(['signature_document'], Navigateur::textes($page['corps'], "//form[.//input[@name='formulaire_action'][@value='configurer_guichet_recus']]//*[@aria-invalid='true']/@name"));
		$t->soumettre($page['corps'], 'configurer_guichet_recus', ['signature_document' => (string) $documents[0]] + $saisie);
		self::assertSame((string) $documents[0], $site->php("echo lire_config('guichet_recus/signature_document');"));

		$type = $site->php('include_spip("inc/guichet_recus_reglages");
			echo (new GuichetReglagesRecusSpip())->receiptIssuer()["signatureImage"]["type"] ?? "";');
		self::assertSame('image/png', $type, 'the issuer carries the image read from the media library');

		// A gift paid now gets a receipt whose PDF embeds that image.
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']], 'taxReceipt' => ['enabled' => true, 'scheme' => 'general']]);
		$v = self::visiteur();
		$page = $v->get('/spip.php?page=article&id_article=' . self::article("<don$don>"));
		$page = $v->soumettre($page['corps'], 'guichet_paiement', [
			'donation' => ['amount' => '15', 'taxReceipt' => '1'],
			'payer' => ['email' => 'sacha@example.fr', 'firstName' => 'Sacha', 'lastName' => 'Leroy', 'address' => ['line1' => '2 rue Basse', 'postalCode' => '69001', 'city' => 'Lyon']],
			'payment' => ['method' => 'simulation'],
		]);
		$retour = $v->soumettre($page['corps'], 'guichet_simulation', ['carte' => '4242 4242 4242 4242']);
		$lien = Navigateur::textes($retour['corps'], "//a[contains(@href,'action=guichet_recu&id=rcp_')]/@href");
		self::assertCount(1, $lien);
		$fichier = self::visiteur()->requete('GET', $lien[0]);
		self::assertSame(200, $fichier['statut']);
		self::assertStringContainsString('/Subtype /Image', $fichier['corps']);
		self::assertMatchesRegularExpression('/SIG-\d{4}-\d{5}/', implode(' ', Navigateur::textes($retour['corps'], '//body')));

		// The treasurer corrects the donor's address from the receipts page: an "annule et remplace" receipt.
		preg_match('/SIG-\d{4}-\d{5}/', implode(' ', Navigateur::textes($retour['corps'], '//body')), $numero);
		$liste = $t->get('/ecrire/?exec=guichet_recus');
		$corriger = Navigateur::textes($liste['corps'], "//a[contains(@href,'exec=guichet_recu_corriger') and contains(@href,'" . $numero[0] . "')]/@href");
		self::assertCount(1, $corriger);
		$page = $t->get(html_entity_decode($corriger[0]));
		self::assertSame(['Leroy'], Navigateur::textes($page['corps'], "//input[@name='nom']/@value"), 'the donor as the receipt says');
		self::assertStringContainsString('Reçu à corriger : ' . $numero[0], self::contenu($page));
		$page = $t->soumettre($page['corps'], 'guichet_corriger_recu', ['adresse_ligne1' => '40 quai Saint-Vincent']);
		self::assertStringContainsString('exec=guichet_recus', $page['url'], 'back to the receipts');
		self::assertStringContainsString('Le reçu ' . $numero[0] . ' est remplacé par le reçu rectificatif', self::contenu($page));
		self::assertSame('correction', $site->php("echo sql_getfetsel('genre', 'spip_guichet_recus', 'remplace = ' . sql_quote('" . $numero[0] . "'));"));
	}

	public function testTheSchedulerRunsTheAnnualReceiptsOnceForThePreviousYear(): void {
		$site = self::site();
		self::assertSame('86400', $site->php('include_spip("inc/genie"); echo taches_generales()["guichet_recus"] ?? "absent";'), 'daily');
		$site->php('include_spip("inc/meta"); effacer_meta("guichet_recus_annuels");');
		self::assertSame('1', $site->php('$genie = charger_fonction("guichet_recus", "genie"); echo $genie(time());'));
		self::assertSame((string) ((int) gmdate('Y') - 1), $site->php('echo lire_config("guichet_recus_annuels");'), 'done for the year before, not again until next year');
	}

	public function testAnEditorSeesNoReceipts(): void {
		$r = self::redacteur();
		$accueil = $r->get('/ecrire/');
		self::assertSame([], Navigateur::textes($accueil['corps'], "//a[contains(@href,'exec=guichet_recus')]"));
		$page = $r->get('/ecrire/?exec=guichet_recus');
		self::assertStringNotContainsString('art. 222 bis', $page['corps']);
	}
}
