<?php
/**
 * Tax receipts in the plugin (stand-in tier): the settings form, a paid donation's receipt in GET orders/{id}
 * and behind its signed link, the private page and its secured actions.
 */

final class RecusTest extends SiteSpipTestCase {
	/** What a treasurer types in "Reçus fiscaux" of the configuration page. */
	private const REGLAGES = [
		'adresse_ligne1' => '3 place Jean-Jaurès',
		'adresse_ligne2' => '',
		'code_postal' => '93100',
		'ville' => 'Montreuil',
		'pays' => 'FR',
		'objet' => 'Faire vivre un jardin partagé ouvert à tous',
		'statut' => 'general_interest',
		'statut_detail' => '',
		'prefixe' => 'RF',
		'signataire_nom' => 'Claude Petit',
		'signataire_qualite' => 'Trésorière',
		'signature_document' => '',
	];

	private function configurer(): void {
		ecrire_config('guichet_recus', self::REGLAGES);
		guichet_recus(true);
	}

	/** A donation asking for a receipt, paid by test card; returns [order id, token]. */
	private function donPaye(): array {
		$requete = self::exemple('order-request.donation');
		$requete['payment'] = ['provider' => 'simulation'];
		[$statut, $cree, $brut] = $this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $requete);
		self::assertSame(201, $statut, $brut);
		[$statut, $paye] = $this->api('POST', '/simulation/' . $cree['order']['id'] . '/confirm', ['clientSecret' => $cree['next']['clientSecret'], 'card' => '4242 4242 4242 4242']);
		self::assertSame('paid', $paye['order']['status'] ?? null, json_encode($paye));
		return [$cree['order']['id'], $cree['token']];
	}

	protected function setUp(): void {
		parent::setUp();
		$config = json_decode((string) sql_getfetsel('config', 'spip_guichet_formulaires', 'id_guichet_formulaire = ' . (int) $this->formulaires['donation']), true);
		$config['taxReceipt'] = ['enabled' => true, 'scheme' => 'general'];
		sql_updateq('spip_guichet_formulaires', ['config' => json_encode($config)], 'id_guichet_formulaire = ' . (int) $this->formulaires['donation']);
	}

	/**
	 * The body of the page "Reçus fiscaux" (the filter its squelette calls; the squelette itself, with its
	 * #AUTORISER, is the real-SPIP tier's).
	 */
	private static function page(array $env): string {
		include_spip('guichet_fonctions');
		return guichet_page_recus($env);
	}

	/** Runs a signed private action; returns what it printed. */
	private function actionSignee(string $url): string {
		parse_str((string) parse_url(html_entity_decode($url, ENT_QUOTES | ENT_HTML5), PHP_URL_QUERY), $get);
		$_GET = $get;
		unset($GLOBALS['redirect']);
		$f = charger_fonction($get['action'], 'action');
		ob_start();
		try {
			$f();
		} finally {
			$sortie = (string) ob_get_clean();
		}
		return $sortie;
	}

	// Settings

	public function testTheSettingsFormShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped(): void {
		$this->connecter();
		set_request('formulaire_action', 'configurer_guichet_recus');
		foreach (self::REGLAGES as $champ => $valeur) {
			set_request($champ, $valeur);
		}
		set_request('adresse_ligne1', '');
		set_request('statut', '');
		set_request('objet', 'Un objet « avec guillemets » & esperluette');
		$html = standin_formulaire('configurer_guichet_recus', []);
		$erreurs = $GLOBALS['standin']['cvt']['configurer_guichet_recus'][0]['erreurs'];
		self::assertArrayHasKey('adresse_ligne1', $erreurs);
		self::assertArrayHasKey('statut', $erreurs);
		self::assertArrayNotHasKey('ville', $erreurs);
		self::assertNull(lire_config('guichet_recus'), 'nothing saved while something is wrong');
		self::assertMatchesRegularExpression('/id="guichet-recus-adresse_ligne1"[^>]*aria-invalid="true"/', $html);
		self::assertStringContainsString('value="Un objet « avec guillemets » &amp; esperluette"', $html);
		self::assertStringContainsString('value="Claude Petit"', $html);
		self::assertStringContainsString(_T('guichet:recus_statut_public_utility'), $html, 'the cerfa boxes are offered');
	}

	public function testAWrongPrefixAndAMissingAssociationNameAreSaidInTheTreasurersWords(): void {
		$this->connecter();
		ecrire_config('guichet/organisation/nom', '');
		set_request('formulaire_action', 'configurer_guichet_recus');
		foreach (self::REGLAGES as $champ => $valeur) {
			set_request($champ, $valeur);
		}
		set_request('prefixe', 'RF-2');
		$html = standin_formulaire('configurer_guichet_recus', []);
		$erreurs = $GLOBALS['standin']['cvt']['configurer_guichet_recus'][0]['erreurs'];
		self::assertSame(['prefixe', 'message_erreur'], array_keys($erreurs));
		self::assertSame(_T('guichet:recus_erreur_invalid_prefix'), $erreurs['prefixe']);
		self::assertStringContainsString(_T('guichet:recus_erreur_nom'), $erreurs['message_erreur'], 'the name is set on the main form');
		self::assertStringContainsString('value="RF-2"', $html);
	}

	public function testCompleteSettingsAreSavedAndTheLinkSecretIsNeverShown(): void {
		$this->connecter();
		set_request('formulaire_action', 'configurer_guichet_recus');
		foreach (self::REGLAGES as $champ => $valeur) {
			set_request($champ, $valeur);
		}
		$html = standin_formulaire('configurer_guichet_recus', []);
		self::assertSame([], $GLOBALS['standin']['cvt']['configurer_guichet_recus'][0]['erreurs']);
		self::assertSame('Montreuil', lire_config('guichet_recus/ville'));
		$secret = (string) lire_config('guichet_secret_recus');
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $secret, 'generated at install');
		self::assertStringNotContainsString($secret, $html);
		$emetteur = (new GuichetReglagesRecusSpip())->receiptIssuer();
		self::assertSame('Les Amis du Jardin partagé', $emetteur['name']);
		self::assertSame(['line1' => '3 place Jean-Jaurès', 'postalCode' => '93100', 'city' => 'Montreuil', 'country' => 'FR'], $emetteur['address']);
		self::assertSame('RF', $emetteur['prefix']);
	}

	public function testAnEditorCannotOpenTheSettingsOrTheReceipts(): void {
		$this->connecter('1comite', 3);
		include_spip('formulaires/configurer_guichet_recus');
		self::assertFalse(formulaires_configurer_guichet_recus_charger_dist());
		self::assertFalse(autoriser('voir', 'guichetrecu'));
		self::assertFalse(autoriser('menu', 'guichetrecus'));
	}

	// Issuing and the signed link

	public function testAPaidDonationGetsANumberedReceiptInItsStatusAndBehindItsSignedLink(): void {
		$this->configurer();
		[$id, $token] = $this->donPaye();
		[$statut, $etat] = $this->api('GET', '/orders/' . $id . '?token=' . $token);
		self::assertSame(200, $statut);
		self::assertSame('RF-2026-00001', $etat['receipt']['number'] ?? null, json_encode($etat));
		$url = (string) $etat['receipt']['url'];
		self::assertStringContainsString('action=guichet_recu&id=rcp_', $url);
		parse_str((string) parse_url($url, PHP_URL_QUERY), $lien);

		[$statut, , $pdf] = $this->action('guichet_recu', 'GET', ['id' => $lien['id'], 'token' => $lien['token']]);
		self::assertSame(200, $statut);
		self::assertStringStartsWith('%PDF-1.4', $pdf);

		$faux = $lien['token'];
		$faux[0] = $faux[0] === 'a' ? 'b' : 'a';
		[$statut, , $corps] = $this->action('guichet_recu', 'GET', ['id' => $lien['id'], 'token' => $faux]);
		self::assertSame(404, $statut);
		self::assertStringNotContainsString('%PDF', $corps);
		[$statut] = $this->action('guichet_recu', 'GET', ['id' => $lien['id']]);
		self::assertSame(404, $statut);

		$mails = $GLOBALS['standin']['mails'] ?? [];
		self::assertNotEmpty(array_filter($mails, static function ($m) {
			return strpos($m[2], 'RF-2026-00001') !== false;
		}), 'the donor is sent the number');
	}

	public function testNothingIsIssuedWithoutSettingsAndThePageSaysWhy(): void {
		[$id, $token] = $this->donPaye();
		[, $etat] = $this->api('GET', '/orders/' . $id . '?token=' . $token);
		self::assertArrayNotHasKey('receipt', array_filter($etat));
		self::assertSame(0, sql_countsel('spip_guichet_recus'));
		$this->connecter();
		$html = self::page(['annee' => '2026']);
		self::assertStringContainsString(_T('guichet:recus_pas_configure'), $html);

		// Filled in later: the catch-up issues the missing receipt.
		$this->configurer();
		$this->actionSignee(generer_action_auteur('guichet_recus', 'manquants/2026'));
		self::assertStringContainsString('resultat=emis', $GLOBALS['redirect']);
		self::assertStringContainsString('nb=1', $GLOBALS['redirect']);
		self::assertSame(1, sql_countsel('spip_guichet_recus'));
	}

	// The private page and its actions

	public function testThePageListsTheYearsReceiptsWithTheirTotalsAndSignedActions(): void {
		$this->configurer();
		$this->donPaye();
		$this->connecter();
		$html = self::page(['annee' => '2026']);
		self::assertStringContainsString('RF-2026-00001', $html);
		self::assertStringContainsString('Camille Martin', $html);
		self::assertStringContainsString('25,00', $html);
		self::assertStringContainsString(_T('guichet:recus_totaux_titre', ['annee' => 2026]), $html);
		self::assertStringContainsString('aria-label="Annuler RF-2026-00001"', $html, 'a row\'s links say which receipt to a screen reader');
		foreach (['csv/2026', 'zip/2026', 'manquants/2026', 'verifier/0', 'pdf/RF-2026-00001', 'renvoyer/RF-2026-00001', 'annuler/RF-2026-00001'] as $arg) {
			self::assertStringContainsString('arg=' . rawurlencode($arg) . '&amp;hash=', $html, $arg);
		}
	}

	public function testCancellingIssuesACancellationAndTheOriginalShowsReplaced(): void {
		$this->configurer();
		$this->donPaye();
		$this->connecter();
		$this->actionSignee(generer_action_auteur('guichet_recus', 'annuler/RF-2026-00001'));
		self::assertStringContainsString('resultat=annule', $GLOBALS['redirect']);
		self::assertSame('RF-2026-00001', sql_getfetsel('remplace', 'spip_guichet_recus', "genre = 'cancellation'"));
		$html = self::page(['annee' => '2026', 'resultat' => 'annule', 'numero' => 'RF-2026-00001', 'nouveau' => 'RF-2026-00002']);
		self::assertStringContainsString(_T('guichet:recus_etat_remplace', ['numero' => 'RF-2026-00002']), $html);
		self::assertStringContainsString('role="status"', $html);

		// Twice: refused, and said so.
		$this->actionSignee(generer_action_auteur('guichet_recus', 'annuler/RF-2026-00001'));
		self::assertStringContainsString('raison=receipt_replaced', $GLOBALS['redirect']);
		self::assertSame(2, sql_countsel('spip_guichet_recus'));
	}

	public function testAFullRefundFromTheOrdersPageCancelsTheReceipt(): void {
		$this->configurer();
		[$id] = $this->donPaye();
		$this->connecter();
		$this->actionSignee(generer_action_auteur('guichet_rembourser', $id));
		self::assertSame('refunded', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
		$annulation = sql_fetsel('numero, remplace, montant', 'spip_guichet_recus', "genre = 'cancellation'");
		self::assertSame(['RF-2026-00002', 'RF-2026-00001', 2500], [$annulation['numero'], $annulation['remplace'], (int) $annulation['montant']]);
		self::assertStringContainsString(_T('guichet:recus_etat_remplace', ['numero' => 'RF-2026-00002']), self::page(['annee' => '2026']));
	}

	public function testTheTreasurerSendsAReceiptAgain(): void {
		$this->configurer();
		$this->donPaye();
		$this->connecter();
		$avant = count($GLOBALS['standin']['mails'] ?? []);
		$this->actionSignee(generer_action_auteur('guichet_recus', 'renvoyer/RF-2026-00001'));
		self::assertStringContainsString('resultat=renvoye', $GLOBALS['redirect']);
		$mails = array_slice($GLOBALS['standin']['mails'], $avant);
		self::assertCount(1, $mails);
		self::assertSame('camille.martin@example.fr', $mails[0][0]);
		self::assertStringContainsString('RF-2026-00001', $mails[0][2]);
		self::assertStringContainsString('action=guichet_recu&id=rcp_', $mails[0][2], 'with its signed link');
	}

	public function testTheLedgerVerifiesAndTheExportsAreFiles(): void {
		$this->configurer();
		$this->donPaye();
		$this->connecter();
		$this->actionSignee(generer_action_auteur('guichet_recus', 'verifier/0'));
		self::assertStringContainsString('resultat=registre_ok', $GLOBALS['redirect']);
		$csv = $this->actionSignee(generer_action_auteur('guichet_recus', 'csv/2026'));
		self::assertStringContainsString('RF-2026-00001', $csv);
		self::assertStringNotContainsString((string) lire_config('guichet_secret_recus'), $csv);
		$zip = $this->actionSignee(generer_action_auteur('guichet_recus', 'zip/2026'));
		self::assertStringStartsWith("PK\x03\x04", $zip);
		$pdf = $this->actionSignee(generer_action_auteur('guichet_recus', 'pdf/RF-2026-00001'));
		self::assertStringStartsWith('%PDF-1.4', $pdf);
	}

	public function testARestrictedAdminSeesButCannotChangeOrExportAndForgedLinksStop(): void {
		$this->configurer();
		$this->donPaye();
		$GLOBALS['visiteur_session'] = ['id_auteur' => 4, 'statut' => '0minirezo', 'restreint' => [1]];
		self::assertTrue(autoriser('voir', 'guichetrecu'));
		$sortie = $this->actionSignee(generer_action_auteur('guichet_recus', 'annuler/RF-2026-00001'));
		self::assertStringContainsString(_T('info_acces_interdit'), $sortie);
		$sortie = $this->actionSignee(generer_action_auteur('guichet_recus', 'csv/2026'));
		self::assertStringNotContainsString('RF-2026-00001', $sortie);
		self::assertSame(1, sql_countsel('spip_guichet_recus'));

		$this->connecter('0minirezo', 1);
		$url = generer_action_auteur('guichet_recus', 'annuler/RF-2026-00001');
		$this->connecter('0minirezo', 2);
		$this->expectException(StandinArret::class);
		$this->actionSignee($url);
	}

	public function testTheTreasurerCorrectsTheDonorsAddressWithAReplacingReceipt(): void {
		$this->configurer();
		$this->donPaye();
		$this->connecter();
		set_request('formulaire_action', 'guichet_corriger_recu');
		set_request('type', 'individual');
		foreach (['prenom' => 'Camille', 'nom' => 'Martin-Durand', 'adresse_ligne1' => '', 'code_postal' => '75011', 'ville' => 'Paris', 'pays' => 'FR'] as $c => $v) {
			set_request($c, $v);
		}
		$html = standin_formulaire('guichet_corriger_recu', ['RF-2026-00001']);
		self::assertArrayHasKey('adresse_ligne1', $GLOBALS['standin']['cvt']['guichet_corriger_recu'][0]['erreurs']);
		self::assertStringContainsString('value="Martin-Durand"', $html);
		set_request('adresse_ligne1', '12 rue Oberkampf');
		standin_formulaire('guichet_corriger_recu', ['RF-2026-00001']);
		$nouveau = sql_fetsel('*', 'spip_guichet_recus', "genre = 'correction'");
		self::assertSame('RF-2026-00001', $nouveau['remplace']);
		self::assertStringContainsString('12 rue Oberkampf', $nouveau['document']);
	}

	public function testTheOrdersPageShowsItsReceipt(): void {
		$this->configurer();
		[$id] = $this->donPaye();
		$this->connecter();
		include_spip('guichet_fonctions');
		$html = guichet_recus_commande($id);
		self::assertStringContainsString('RF-2026-00001', $html);
		self::assertStringContainsString('exec=guichet_recus', $html);
	}
}
