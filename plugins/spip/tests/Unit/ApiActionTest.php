<?php
/** action/guichet_api.php: protocol v1 over SPIP's public action, as the widget calls it. */

final class ApiActionTest extends SiteSpipTestCase {
	private function don(array $changements = []): array {
		$requete = self::exemple('order-request.donation');
		$requete['payment'] = ['provider' => 'simulation'];
		return array_replace($requete, $changements);
	}

	public function testTheWidgetReadsAPublishedFormWithoutItsSecrets(): void {
		// The widget appends its own query to the path: base "…&route=" + "/forms/12?locale=en".
		[$statut, $corps, $brut] = $this->api('GET', '/forms/' . $this->formulaires['tickets'] . '?locale=en');
		self::assertSame(200, $statut, $brut);
		self::assertSame('Christmas concert in the garden', $corps['title']);
		self::assertSame(120, $corps['tickets']['types'][0]['available']);
		self::assertStringNotContainsString('ADHERENT', $brut, 'promo codes stay secret');
		self::assertStringNotContainsString(self::SECRET_SIMULATION, $brut);

		[$statut] = $this->api('GET', '/forms/999');
		self::assertSame(404, $statut);
	}

	public function testADraftFormIsNotServed(): void {
		$brouillon = $this->publier('form-config.donation', [], 'prepa');
		[$statut, $corps] = $this->api('GET', '/forms/' . $brouillon);
		self::assertSame(404, $statut);
		self::assertSame('form_not_found', $corps['error']['code']);
	}

	public function testADonationIsCreatedPaidWithTheSimulationAndAnnouncedToOtherPlugins(): void {
		$annonces = [];
		$GLOBALS['standin_ecouteurs']['guichet_commande_payee'][] = static function ($flux) use (&$annonces) {
			$annonces[] = $flux;
			return $flux;
		};
		[$statut, $cree, $brut] = $this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $this->don(), ['Idempotency-Key' => 'cle-1']);
		self::assertSame(201, $statut, $brut);
		self::assertSame(2500, $cree['order']['total']);
		self::assertSame('https://asso.example/spip.php?action=guichet_api&route=/simulation/' . $cree['order']['id'] . '/confirm', $cree['next']['confirmUrl']);

		// Same key, same body: the same order comes back, nothing is created twice.
		[, $rejoue] = $this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $this->don(), ['Idempotency-Key' => 'cle-1']);
		self::assertSame($cree['order']['id'], $rejoue['order']['id']);
		self::assertSame(1, sql_countsel('spip_guichet_commandes'));

		[$statut, $paye] = $this->api('POST', '/simulation/' . $cree['order']['id'] . '/confirm', ['clientSecret' => $cree['next']['clientSecret'], 'card' => '4242 4242 4242 4242']);
		self::assertSame(200, $statut);
		self::assertSame('paid', $paye['order']['status']);

		[$statut, $etat] = $this->api('GET', '/orders/' . $cree['order']['id'] . '?token=' . $cree['token']);
		self::assertSame(200, $statut);
		self::assertSame('paid', $etat['status']);
		[$statut] = $this->api('GET', '/orders/' . $cree['order']['id'] . '?token=faux');
		self::assertSame(404, $statut);

		self::assertCount(1, $annonces);
		self::assertSame($cree['order']['id'], $annonces[0]['args']['commande']);
		self::assertArrayNotHasKey('tokenHash', $annonces[0]['data']);
		self::assertSame('paid', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($cree['order']['id'])));
	}

	public function testATamperedTotalIsRefusedWithAFrenchOrEnglishMessage(): void {
		[$statut, $corps] = $this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $this->don(['expectedTotal' => 100, 'locale' => 'en']));
		self::assertSame(409, $statut);
		self::assertSame('amount_mismatch', $corps['error']['code']);
		self::assertStringStartsWith('The amount has changed', $corps['error']['message']);
		self::assertSame(0, sql_countsel('spip_guichet_commandes'));
	}

	public function testTheLastSeatsCannotBeSoldTwice(): void {
		$petit = self::exemple('form-config.tickets');
		$petit['tickets']['types'][0]['quota'] = 3;
		$id = $this->publier('form-config.tickets', ['tickets' => $petit['tickets']]);
		$requete = self::exemple('order-request.tickets');
		$requete['tickets']['items'] = [['typeId' => 'plein', 'quantity' => 2]];
		$requete['tickets']['attendees'] = [
			['typeId' => 'plein', 'firstName' => 'Sofiane', 'lastName' => 'Benali'],
			['typeId' => 'plein', 'firstName' => 'Nadia', 'lastName' => 'Benali'],
		];
		unset($requete['expectedTotal']);

		[$statut, , $brut] = $this->api('POST', '/forms/' . $id . '/orders', $requete);
		self::assertSame(201, $statut, $brut);
		[$statut, $corps] = $this->api('POST', '/forms/' . $id . '/orders', $requete);
		self::assertSame(409, $statut);
		self::assertSame('not_enough_available', $corps['error']['code'] ?? null);
		self::assertSame(1, sql_countsel('spip_guichet_commandes'), 'the refused order left nothing behind');
		self::assertSame(2, (int) sql_getfetsel('pris', 'spip_guichet_jauges', 'type_billet = ' . sql_quote('plein')));
	}
}
