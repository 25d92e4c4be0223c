<?php
/** action/guichet_webhook.php: verified on the raw body, each event applied once, explicit answers. */

use Guichet\Adapter\Providers\Simulation\SimulationWebhook;

final class WebhookActionTest extends SiteSpipTestCase {
	/** A pending cheque-free simulation donation, returned as its order id. */
	private function commande(): string {
		$requete = self::exemple('order-request.donation');
		$requete['payment'] = ['provider' => 'simulation'];
		[$statut, $cree] = $this->api('POST', '/forms/' . $this->formulaires['donation'] . '/orders', $requete);
		self::assertSame(201, $statut);
		return $cree['order']['id'];
	}

	private function evenement(array $evenement, ?string $secret = null): array {
		$signe = SimulationWebhook::sign($secret ?? self::SECRET_SIMULATION, $evenement + ['createdAt' => '2026-11-20T10:00:00.000Z'], $this->horloge->now());
		return $this->action('guichet_webhook', 'POST', ['prestataire' => 'simulation'], $signe['body'], [
			'Guichet-Signature' => $signe['headers']['guichet-signature'],
			'Content-Type' => 'application/json',
		]);
	}

	public function testASignedEventIsAppliedOnceAndItsReplayChangesNothing(): void {
		$id = $this->commande();
		[$statut, $corps] = $this->evenement(['id' => 'evt_1', 'type' => 'payment_succeeded', 'orderId' => $id, 'amount' => 2500]);
		self::assertSame(200, $statut);
		self::assertSame(['received' => true, 'eventId' => 'evt_1', 'duplicate' => false], $corps);
		self::assertSame('paid', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));

		[$statut, $corps] = $this->evenement(['id' => 'evt_1', 'type' => 'payment_succeeded', 'orderId' => $id, 'amount' => 2500]);
		self::assertSame(200, $statut);
		self::assertTrue($corps['duplicate']);
		self::assertSame(1, sql_countsel('spip_guichet_evenements'));
	}

	public function testAPartialRefundIsCountedOnceInCents(): void {
		$id = $this->commande();
		$this->evenement(['id' => 'evt_paye', 'type' => 'payment_succeeded', 'orderId' => $id, 'amount' => 2500]);
		[$statut] = $this->evenement(['id' => 'evt_remb', 'type' => 'refunded', 'orderId' => $id, 'amount' => 1000]);
		self::assertSame(200, $statut);
		$this->evenement(['id' => 'evt_remb', 'type' => 'refunded', 'orderId' => $id, 'amount' => 1000]);
		$ligne = sql_fetsel('statut, total, rembourse', 'spip_guichet_commandes', 'commande = ' . sql_quote($id));
		self::assertSame(1000, (int) $ligne['rembourse']);
		self::assertSame(2500, (int) $ligne['total']);
		self::assertSame(1500, guichet_site()->storage->raisedAmount($this->formulaires['donation']));
	}

	public function testAForgedOrAlteredEventIsRefusedBeforeAnythingIsRead(): void {
		$id = $this->commande();
		[$statut, $corps] = $this->evenement(['id' => 'evt_x', 'type' => 'payment_succeeded', 'orderId' => $id], 'not_the_site_secret_0000');
		self::assertSame(400, $statut);
		self::assertSame('webhook_signature_invalid', $corps['error']['code']);

		$signe = SimulationWebhook::sign(self::SECRET_SIMULATION, ['id' => 'evt_y', 'type' => 'payment_succeeded', 'orderId' => $id, 'createdAt' => '2026-11-20T10:00:00.000Z'], $this->horloge->now());
		$altere = str_replace('evt_y', 'evt_z', $signe['body']);
		[$statut] = $this->action('guichet_webhook', 'POST', ['prestataire' => 'simulation'], $altere, ['Guichet-Signature' => $signe['headers']['guichet-signature']]);
		self::assertSame(400, $statut);
		self::assertSame('pending', sql_getfetsel('statut', 'spip_guichet_commandes', 'commande = ' . sql_quote($id)));
		self::assertSame(0, sql_countsel('spip_guichet_evenements'));
		foreach ($GLOBALS['standin']['logs'] as $log) {
			self::assertStringNotContainsString(self::SECRET_SIMULATION, $log['message']);
			self::assertStringNotContainsString('camille', strtolower($log['message']), 'no payer detail in logs');
		}
	}

	public function testAnUnknownProviderIsRefusedAndTheActionNeverAsksForAnActionHash(): void {
		[$statut, $corps] = $this->action('guichet_webhook', 'POST', ['prestataire' => 'paypal'], '{}');
		// The adapter's answer, passed on (a bad request, as the Node host answers; 404 in older adapters).
		self::assertContains($statut, [400, 404]);
		self::assertSame('bad_request', $corps['error']['code']);
		self::assertStringNotContainsString("charger_fonction('securiser_action'", (string) file_get_contents(GUICHET_PLUGIN_DIR . '/action/guichet_webhook.php'));
	}
}
