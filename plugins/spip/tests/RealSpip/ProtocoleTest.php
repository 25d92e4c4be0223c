<?php
/**
 * Real SPIP: protocol v1 through spip.php?action=guichet_api (what the widget calls) and provider notifications
 * through spip.php?action=guichet_webhook, over HTTP, as a browser and a provider send them.
 */

use Guichet\Adapter\Providers\Simulation\SimulationWebhook;

final class ProtocoleTest extends RealSpipTestCase {
	public static function setUpBeforeClass(): void {
		require_once GUICHET_REPO_DIR . '/backend-adapter/php/autoload.php';
	}

	/** @return array{0: int, 1: mixed, 2: array<string, string>} status, decoded body, headers */
	private static function api(string $methode, string $route, $corps = null, array $entetes = []): array {
		$r = self::visiteur()->requete($methode, '/spip.php?action=guichet_api&route=' . $route, $corps === null ? null : json_encode($corps), $entetes + ($corps === null ? [] : ['Content-Type' => 'application/json']));
		return [$r['statut'], json_decode($r['corps'], true), $r['entetes']];
	}

	private static function requeteDon(int $montant = 2500): array {
		$requete = json_decode((string) file_get_contents(GUICHET_REPO_DIR . '/docs/examples/protocol/order-request.donation.json'), true);
		$requete['payment'] = ['provider' => 'simulation'];
		$requete['donation']['amount'] = $montant;
		$requete['expectedTotal'] = $montant;
		$requete['returnUrl'] = self::site()->url . '/spip.php?page=article&id_article=1';
		return $requete;
	}

	public function testTheWidgetReadsTheFormOrdersAndPaysWithTheSimulation(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		[$statut, $definition, $entetes] = self::api('GET', "/forms/$don");
		self::assertSame(200, $statut);
		self::assertStringStartsWith('application/json', $entetes['content-type']);
		self::assertSame([(string) $don, 'donation', 1, 'fr'], [$definition['id'], $definition['kind'], $definition['protocol'], $definition['locale']]);
		self::assertSame([['provider' => 'simulation']], $definition['paymentMethods']);
		self::assertSame('Les Amis du Jardin partagé', $definition['organization']['name']);
		[, $anglais] = self::api('GET', "/forms/$don?locale=en");
		self::assertSame('Support the community garden', $anglais['title']);

		$cle = bin2hex(random_bytes(16));
		[$statut, $cree] = self::api('POST', "/forms/$don/orders", self::requeteDon(), ['Idempotency-Key' => $cle]);
		self::assertSame(201, $statut, json_encode($cree));
		self::assertSame(['type' => 'confirm', 'provider' => 'simulation'], array_intersect_key($cree['next'], array_flip(['type', 'provider'])));
		self::assertStringStartsWith(self::site()->url . '/spip.php?action=guichet_api&route=', $cree['next']['confirmUrl'], 'the confirm URL is this site\'s own action');
		[$statut, $rejoue] = self::api('POST', "/forms/$don/orders", self::requeteDon(), ['Idempotency-Key' => $cle]);
		self::assertSame([201, $cree['order']['id']], [$statut, $rejoue['order']['id']], 'a retried request gets the same order');

		$confirme = self::visiteur()->requete('POST', $cree['next']['confirmUrl'], json_encode(['clientSecret' => $cree['next']['clientSecret'], 'card' => '4242 4242 4242 4242']), ['Content-Type' => 'application/json']);
		self::assertSame(200, $confirme['statut'], $confirme['corps']);
		self::assertSame('succeeded', json_decode($confirme['corps'], true)['outcome']);

		[$statut, $etat] = self::api('GET', '/orders/' . $cree['order']['id'] . '?token=' . rawurlencode($cree['token']));
		self::assertSame([200, 'paid', 2500], [$statut, $etat['status'], $etat['total']]);
		[$statut, $refus] = self::api('GET', '/orders/' . $cree['order']['id'] . '?token=faux');
		self::assertContains($statut, [401, 403, 404], 'a wrong token reads nothing');
		self::assertArrayNotHasKey('status', $refus);
		self::assertSame('paid', self::commande($cree['order']['id'])['statut']);
	}

	public function testATamperedTotalIsRefusedInThePayersLanguageAndNothingIsStored(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		$requete = self::requeteDon();
		$requete['expectedTotal'] = 100;
		$requete['locale'] = 'en';
		[$statut, $erreur] = self::api('POST', "/forms/$don/orders", $requete);
		self::assertSame(409, $statut, json_encode($erreur));
		self::assertSame('amount_mismatch', $erreur['error']['code']);
		self::assertDoesNotMatchRegularExpression('/[éèà]/u', $erreur['error']['message']);
		self::assertSame(0, (int) self::site()->php('echo sql_countsel("spip_guichet_commandes", "id_guichet_formulaire = ' . $don . '");'));
	}

	public function testASignedNotificationIsAppliedOnceAndAForgedOneIsRefused(): void {
		$don = self::formulaire('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
		[, $cree] = self::api('POST', "/forms/$don/orders", self::requeteDon(4000));
		$commande = $cree['order']['id'];
		$envoyer = static function (array $evenement, string $secret = SiteSpipReel::SECRET_SIMULATION, ?string $corps = null): array {
			$signe = SimulationWebhook::sign($secret, $evenement + ['createdAt' => gmdate('Y-m-d\TH:i:s\Z')], new \DateTimeImmutable());
			$r = self::visiteur()->requete('POST', '/spip.php?action=guichet_webhook&prestataire=simulation', $corps ?? $signe['body'], [
				'Content-Type' => 'application/json', 'Guichet-Signature' => $signe['headers']['guichet-signature'],
			]);
			return [$r['statut'], json_decode($r['corps'], true)];
		};

		self::assertSame([200, ['received' => true, 'eventId' => 'evt_paye_' . $commande, 'duplicate' => false]], $envoyer(['id' => 'evt_paye_' . $commande, 'type' => 'payment_succeeded', 'orderId' => $commande, 'amount' => 4000]));
		self::assertSame('paid', self::commande($commande)['statut']);
		[$statut, $double] = $envoyer(['id' => 'evt_paye_' . $commande, 'type' => 'payment_succeeded', 'orderId' => $commande, 'amount' => 4000]);
		self::assertSame([200, true], [$statut, $double['duplicate']], 'a redelivered event changes nothing');

		[$statut, $refus] = $envoyer(['id' => 'evt_faux', 'type' => 'refunded', 'orderId' => $commande, 'amount' => 4000], 'not-the-site-secret-0123456789');
		self::assertSame(400, $statut, 'signed with another secret');
		self::assertSame('webhook_signature_invalid', $refus['error']['code']);
		[$statut] = $envoyer(['id' => 'evt_altere', 'type' => 'refunded', 'orderId' => $commande, 'amount' => 4000], SiteSpipReel::SECRET_SIMULATION, json_encode(['id' => 'evt_altere', 'type' => 'refunded', 'orderId' => $commande, 'amount' => 1, 'createdAt' => gmdate('Y-m-d\TH:i:s\Z')]));
		self::assertSame(400, $statut, 'a body altered after signing');
		$ligne = self::commande($commande);
		self::assertSame(['paid', 0], [$ligne['statut'], (int) $ligne['rembourse']]);

		[$statut] = $envoyer(['id' => 'evt_remb_' . $commande, 'type' => 'refunded', 'orderId' => $commande, 'amount' => 1500]);
		self::assertSame(200, $statut);
		self::assertSame(1500, (int) self::commande($commande)['rembourse'], 'a partial refund, counted in cents');
		$journal = implode('', array_map('file_get_contents', glob(self::site()->racine . '/tmp/log/guichet*.log') ?: []));
		self::assertStringContainsString('webhook simulation -> 200', $journal);
		self::assertStringNotContainsString('camille.martin@example.fr', $journal, 'no payer detail in the logs');
	}
}
