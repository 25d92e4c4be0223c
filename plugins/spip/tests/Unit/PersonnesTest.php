<?php
/** Members and attendees lists of the private space: filters, the page, the signed CSV export (quoi=…). */

final class PersonnesTest extends SiteSpipTestCase {
	protected function setUp(): void {
		parent::setUp();
		include_spip('inc/guichet_personnes');
		include_spip('guichet_fonctions');
	}

	private function adhesionCheque(array $changements = []): string {
		[$statut, $cree] = $this->api('POST', '/forms/' . $this->formulaires['membership'] . '/orders', array_replace_recursive(self::exemple('order-request.membership'), $changements));
		self::assertSame(201, $statut);
		return $cree['order']['id'];
	}

	private function billetsPayes(): string {
		[$statut, $cree] = $this->api('POST', '/forms/' . $this->formulaires['tickets'] . '/orders', self::exemple('order-request.tickets'));
		self::assertSame(201, $statut);
		[$statut] = $this->api('POST', '/simulation/' . $cree['order']['id'] . '/confirm', ['clientSecret' => $cree['next']['clientSecret'], 'card' => '4242 4242 4242 4242']);
		self::assertSame(200, $statut);
		return $cree['order']['id'];
	}

	/** @return array<int, array<string, string>> the CSV the export action sends for a signed argument */
	private function exporter(array $argument): array {
		$url = generer_action_auteur('guichet_exporter', http_build_query($argument), '', true);
		parse_str((string) parse_url($url, PHP_URL_QUERY), $_GET);
		$exporter = charger_fonction('guichet_exporter', 'action');
		ob_start();
		$exporter();
		$csv = (string) ob_get_clean();
		$lignes = array_map(static function ($l) {
			return str_getcsv($l, ';');
		}, array_filter(explode("\n", substr($csv, 3))));
		$entete = array_shift($lignes);
		return array_map(static function ($l) use ($entete) {
			return array_combine($entete, $l);
		}, $lignes);
	}

	public function testAMemberIsListedOnceTheChequeIsReceived(): void {
		$id = $this->adhesionCheque();
		self::assertSame([], guichet_personnes('membres', ['status' => 'paid']), 'a pending cheque is no member yet');
		self::assertCount(3, guichet_personnes('membres', []), 'every status: the three members of the family');
		\Guichet\Adapter\Orders\BackOffice::markReceived(guichet_site(), $id);

		$membres = guichet_personnes('membres', ['status' => 'paid']);
		self::assertSame(['Camille', 'Lucas', 'Inès'], array_column($membres, 'prenom'));
		self::assertSame('famille', $membres[0]['palier']);
		self::assertSame('camille.martin@example.fr', $membres[0]['email']);
		self::assertSame('2016-04-02', $membres[2]['date_naissance']);
		self::assertSame($id, $membres[1]['commande']);
		self::assertSame(['Inès'], array_column(guichet_personnes('membres', ['search' => 'INÈS']), 'prenom'), 'search ignores case');
		self::assertSame([], guichet_personnes('membres', ['formId' => $this->formulaires['donation']]));
		self::assertSame([], guichet_personnes('participants', []), 'members are not attendees');
	}

	public function testThePageShowsPaidMembersByDefaultAndExportsExactlyTheFilteredList(): void {
		$paye = $this->adhesionCheque();
		\Guichet\Adapter\Orders\BackOffice::markReceived(guichet_site(), $paye);
		$this->adhesionCheque(['payer' => ['email' => 'nadia@example.fr'], 'membership' => ['members' => [['firstName' => 'Nadia', 'lastName' => 'Haddad']]]]);
		$this->connecter();

		$html = guichet_liste_personnes(['exec' => 'guichet_membres'], 'membres');
		self::assertStringContainsString('Camille Martin', $html);
		self::assertStringNotContainsString('Nadia', $html, 'the pending cheque is left out unless asked for');
		self::assertStringContainsString('<option value="paid" selected="selected">', $html);
		self::assertStringContainsString('<label for="guichet-formulaire">', $html);
		self::assertStringContainsString('3 membre(s)', $html);

		$tous = guichet_liste_personnes(['exec' => 'guichet_membres', 'statut' => '', 'recherche' => 'nadia'], 'membres');
		self::assertStringContainsString('Nadia Haddad', $tous);
		self::assertStringNotContainsString('Camille', $tous);

		// The export link carries the page's filters, signed for this author.
		preg_match('/href="([^"]*action=guichet_exporter[^"]*)"/', $html, $m);
		parse_str((string) parse_url(html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5), PHP_URL_QUERY), $get);
		parse_str($get['arg'], $argument);
		self::assertSame(['quoi' => 'membres', 'status' => 'paid'], $argument);

		$lignes = $this->exporter($argument);
		self::assertSame(guichet_personnes_listes()['membres']['colonnes'], array_keys($lignes[0]));
		self::assertSame(['Camille', 'Lucas', 'Inès'], array_column($lignes, 'prenom'));
		self::assertSame(['Nadia'], array_column($this->exporter(['quoi' => 'membres', 'search' => 'haddad']), 'prenom'));
	}

	public function testAttendeesAreOneLinePerTicketWithTheirCode(): void {
		$id = $this->billetsPayes();
		$this->connecter();
		$lignes = $this->exporter(['quoi' => 'participants', 'status' => 'paid', 'formId' => $this->formulaires['tickets']]);
		self::assertSame(['Sofiane', 'Claire', 'Yanis'], array_column($lignes, 'prenom'));
		self::assertSame(['plein', 'plein', 'reduit'], array_column($lignes, 'billet'));
		self::assertSame($id, $lignes[0]['commande']);
		self::assertNotSame('', $lignes[0]['code']);
		self::assertCount(3, array_unique(array_column($lignes, 'code')), 'one code per seat');

		$html = guichet_liste_personnes(['exec' => 'guichet_participants'], 'participants');
		self::assertStringContainsString('3 participant(s)', $html);
		self::assertStringContainsString(spip_htmlspecialchars($lignes[2]['code']), $html);
		self::assertStringContainsString('quoi%3Dparticipants', $html);
	}

	public function testAnEditorSeesNoListAndGetsNoExport(): void {
		$this->billetsPayes();
		$this->connecter('1comite', 3);
		self::assertFalse(autoriser('menu', 'guichetparticipants'));
		self::assertFalse(autoriser('menu', 'guichetmembres'));
		ob_start();
		$lignes = $this->exporter(['quoi' => 'participants']);
		ob_end_clean();
		self::assertSame([], $lignes);
	}
}
