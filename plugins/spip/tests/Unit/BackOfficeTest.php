<?php
/** Private actions (securiser_action + autoriser), CSV export, configuration secrets. */

final class BackOfficeTest extends SiteSpipTestCase {
	private function commandeCheque(): string {
		$requete = self::exemple('order-request.membership');
		[$statut, $cree] = $this->api('POST', '/forms/' . $this->formulaires['membership'] . '/orders', $requete);
		self::assertSame(201, $statut);
		return $cree['order']['id'];
	}

	/** Replays a signed private action URL as SPIP would route it (SPIP writes it with `&amp;`, as in a page). */
	private function actionSignee(string $url): void {
		parse_str((string) parse_url(html_entity_decode($url, ENT_QUOTES | ENT_HTML5), PHP_URL_QUERY), $get);
		$_GET = $get;
		$f = charger_fonction($get['action'], 'action');
		ob_start();
		try {
			$f();
		} finally {
			ob_end_clean();
		}
	}

	public function testATreasurerMarksAChequeReceivedWithASignedLink(): void {
		$id = $this->commandeCheque();
		$this->connecter();
		$this->actionSignee(generer_action_auteur('guichet_marquer_recu', $id));
		self::assertSame('paid', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
		self::assertStringContainsString('exec=guichet_commande', $GLOBALS['redirect']);
		self::assertStringContainsString('fait=oui', $GLOBALS['redirect']);
	}

	public function testAForgedLinkOrAnotherAuthorsLinkDoesNothing(): void {
		$id = $this->commandeCheque();
		$this->connecter('0minirezo', 1);
		$url = generer_action_auteur('guichet_marquer_recu', $id);
		$this->connecter('0minirezo', 2);
		try {
			$this->actionSignee($url);
			self::fail('a link signed for another author must be refused');
		} catch (StandinArret $e) {
			self::assertStringContainsString('securiser_action', $e->getMessage());
		}
		self::assertSame('pending', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
	}

	public function testAnEditorCannotRefund(): void {
		$id = $this->commandeCheque();
		$this->connecter('1comite', 3);
		ob_start();
		$this->actionSignee(generer_action_auteur('guichet_marquer_recu', $id));
		ob_end_clean();
		self::assertSame('pending', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
		self::assertFalse(autoriser('rembourser', 'guichetcommande', $id));
		self::assertFalse(autoriser('exporter', 'guichetcommande'));
	}

	public function testARefundOfAnOfflineOrderIsRecordedOnceAndTold(): void {
		$id = $this->commandeCheque();
		$this->connecter();
		$this->actionSignee(generer_action_auteur('guichet_marquer_recu', $id));
		$remboursements = 0;
		$GLOBALS['standin_ecouteurs']['guichet_commande_remboursee'][] = static function ($flux) use (&$remboursements) {
			$remboursements++;
			return $flux;
		};
		$this->actionSignee(generer_action_auteur('guichet_rembourser', $id));
		$this->actionSignee(generer_action_auteur('guichet_rembourser', $id));
		self::assertSame('refunded', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
		self::assertSame(1, $remboursements);
		self::assertStringContainsString('erreur=illegal_transition', $GLOBALS['redirect'], 'the second click is refused, explained');
	}

	public function testTheExportIsTheFilteredListWithoutSecrets(): void {
		$id = $this->commandeCheque();
		$requete = self::exemple('order-request.donation');
		$requete['payment'] = ['provider' => 'simulation'];
		$requete['payer']['firstName'] = '=HYPERLINK("x")';
		$this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $requete);
		$this->connecter();
		$url = generer_action_auteur('guichet_exporter', http_build_query(['kind' => 'membership']), '', true);
		parse_str((string) parse_url($url, PHP_URL_QUERY), $_GET);
		$exporter = charger_fonction('guichet_exporter', 'action');
		ob_start();
		$exporter();
		$csv = (string) ob_get_clean();
		$lignes = array_map(static function ($l) {
			return str_getcsv($l, ';');
		}, array_filter(explode("\n", substr($csv, 3))));
		self::assertSame(guichet_export_colonnes(), $lignes[0]);
		self::assertCount(2, $lignes, 'only the membership order');
		$ligne = array_combine($lignes[0], $lignes[1]);
		self::assertSame($id, $ligne['commande']);
		self::assertSame('4000', $ligne['total_centimes']);
		self::assertSame('40,00', $ligne['total']);
		self::assertStringNotContainsString('tokenHash', $csv);

		$tout = guichet_export_csv(guichet_site()->storage->listOrders([], 10, 0));
		self::assertStringContainsString("'=HYPERLINK", $tout, 'a formula typed by a payer is never run by the spreadsheet');
	}

	public function testTheConfigurationNeverSendsASecretKeyBack(): void {
		ecrire_config('guichet/stripe/cle_secrete', 'sk_test_abcdefghijklmnop1234');
		$this->connecter();
		include_spip('formulaires/configurer_guichet');
		$env = formulaires_configurer_guichet_charger_dist();
		self::assertArrayNotHasKey('stripe_cle_secrete', $env, 'not a value SPIP would refill from the post');
		self::assertSame('…1234', $env['_indices']['stripe_cle_secrete']);
		self::assertSame('https://asso.example/spip.php?action=guichet_webhook&prestataire=stripe', $env['_url_webhook']);
		self::assertStringNotContainsString('abcdefghijklmnop', serialize($env));

		// An empty secret field keeps the stored key; a wrong one is refused.
		set_request('stripe_cle_secrete', '');
		set_request('organisation_nom', 'Jardin');
		formulaires_configurer_guichet_traiter_dist();
		self::assertSame('sk_test_abcdefghijklmnop1234', lire_config('guichet/stripe/cle_secrete'));
		set_request('stripe_cle_secrete', 'pk_test_oops');
		self::assertArrayHasKey('stripe_cle_secrete', formulaires_configurer_guichet_verifier_dist());
		foreach ($GLOBALS['standin']['logs'] as $log) {
			self::assertStringNotContainsString('abcdefghijklmnop', $log['message']);
		}

		// Saved through the form: the page that answers shows the last four characters, never the key typed.
		set_request('formulaire_action', 'configurer_guichet');
		set_request('stripe_cle_secrete', 'sk_test_nouvellecle9876');
		$html = standin_formulaire('configurer_guichet', []); // what #FORMULAIRE_CONFIGURER_GUICHET prints
		self::assertSame('sk_test_nouvellecle9876', lire_config('guichet/stripe/cle_secrete'));
		self::assertStringNotContainsString('nouvellecle', $html);
		self::assertStringContainsString('…9876', $html);

		$this->connecter('1comite', 4);
		self::assertFalse(formulaires_configurer_guichet_charger_dist());
	}
}
