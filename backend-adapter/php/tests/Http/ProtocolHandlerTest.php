<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Http;

use Guichet\Adapter\Http\RequestShape;
use Guichet\Adapter\Orders\BackOffice;
use Guichet\Adapter\Providers\Simulation\SimulationWebhook;
use Guichet\Adapter\Tests\Support\TestSite;
use PHPUnit\Framework\TestCase;

/**
 * The protocol handler end to end, in process, on the SQLite reference storage: what a widget and a payment
 * provider see of a PHP host.
 */
final class ProtocolHandlerTest extends TestCase
{
    private TestSite $site;

    protected function setUp(): void
    {
        $this->site = new TestSite();
        $this->site->install('form-config.donation', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
        $this->site->install('form-config.membership', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
        $this->site->install('form-config.tickets');
    }

    /** @return array<string, mixed> */
    private static function donation(array $changes = []): array
    {
        $request = TestSite::example('order-request.donation');
        $request['payment'] = ['provider' => 'simulation'];
        return array_replace($request, $changes);
    }

    /** @return array<string, mixed> */
    private function create(string $formId, array $request, array $headers = []): array
    {
        $answer = $this->site->call('POST', '/forms/' . $formId . '/orders', $request, $headers);
        self::assertSame(201, $answer->status, $answer->json());
        return $answer->body;
    }

    /** @return array<string, mixed> */
    private function pay(array $created, string $card = '4242 4242 4242 4242'): array
    {
        $answer = $this->site->call('POST', '/simulation/' . $created['order']['id'] . '/confirm', [
            'clientSecret' => $created['next']['clientSecret'],
            'card' => $card,
        ]);
        self::assertSame(200, $answer->status, $answer->json());
        return $answer->body;
    }

    public function testPublishesEachKindOfFormWithoutItsSecrets(): void
    {
        $tickets = $this->site->call('GET', '/forms/concert-noel?locale=en');
        self::assertSame(200, $tickets->status);
        self::assertSame('Christmas concert in the garden', $tickets->body['title']);
        self::assertSame('open', $tickets->body['status']);
        self::assertSame(120, $tickets->body['tickets']['types'][0]['available']);
        self::assertTrue($tickets->body['tickets']['hasPromoCodes']);
        self::assertStringNotContainsString('ADHERENT', $tickets->json());
        self::assertSame([['provider' => 'simulation']], $tickets->body['paymentMethods']);

        $donation = $this->site->call('GET', '/forms/' . TestSite::example('form-config.donation')['id'], null, ['Accept-Language' => 'fr-FR,fr;q=0.9']);
        self::assertSame('fr', $donation->body['locale']);
        self::assertSame(6600, $donation->body['taxReduction']['rateBps']);
        self::assertContains(['provider' => 'offline', 'method' => 'cheque'], $donation->body['paymentMethods']);
        self::assertStringNotContainsString(TestSite::SIMULATION_SECRET, $donation->json());

        $membership = $this->site->call('GET', '/forms/' . TestSite::example('form-config.membership')['id']);
        self::assertSame('membership', $membership->body['kind']);

        self::assertSame(404, $this->site->call('GET', '/forms/nope')->status);
    }

    public function testADonationPaidWithTheSimulationIsPaidForItsPayer(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        self::assertSame('pending', $created['order']['status']);
        self::assertSame(2500, $created['order']['total']);
        self::assertSame('simulation', $created['next']['provider']);
        self::assertSame(TestSite::BASE . '/simulation/' . $created['order']['id'] . '/confirm', $created['next']['confirmUrl']);

        $result = $this->pay($created);
        self::assertSame('succeeded', $result['outcome']);
        self::assertSame('paid', $result['order']['status']);

        $status = $this->site->call('GET', '/orders/' . $created['order']['id'] . '?token=' . $created['token']);
        self::assertSame('paid', $status->body['status']);
        self::assertSame('2026-11-20T10:00:00.000Z', $status->body['paidAt']);
        self::assertSame(404, $this->site->call('GET', '/orders/' . $created['order']['id'] . '?token=wrong')->status);
    }

    public function testAMembershipPaidByChequeWaitsForTheTreasurer(): void
    {
        $request = TestSite::example('order-request.membership');
        $created = $this->create(TestSite::example('form-config.membership')['id'], $request);
        self::assertSame('offline', $created['next']['type']);
        self::assertStringContainsString("Envoyez un chèque de 40,00\u{a0}€", $created['next']['instructions']['text']);
        self::assertSame('pending', $created['order']['status']);

        $order = BackOffice::markReceived($this->site->ctx, $created['order']['id']);
        self::assertSame('paid', $order['status']);
        self::assertCount(count($request['membership']['members']), $order['members']);
        // A second click changes nothing.
        self::assertSame('paid', BackOffice::markReceived($this->site->ctx, $created['order']['id'])['status']);
    }

    public function testTicketsAreIssuedOnceTheyArePaid(): void
    {
        $request = TestSite::example('order-request.tickets');
        $created = $this->create('concert-noel', $request);
        self::assertSame(3400, $created['order']['total']);
        $definition = $this->site->call('GET', '/forms/concert-noel');
        self::assertSame(118, $definition->body['tickets']['types'][0]['available'], 'two seats held');

        $result = $this->pay($created);
        self::assertSame('paid', $result['order']['status']);
        self::assertCount(3, $result['order']['tickets']);
        self::assertSame('Claire Dubois', $result['order']['tickets'][1]['attendee']);
        self::assertMatchesRegularExpression('/^[0-9A-HJKMNP-TV-Z]{10}$/', $result['order']['tickets'][0]['code']);
    }

    public function testFreeTicketsArePaidAtOnceWithoutAskingTheProvider(): void
    {
        $form = TestSite::example('form-config.tickets');
        $form['id'] = 'portes-ouvertes';
        $form['tickets']['attendeeNames'] = false;
        $form['tickets']['types'][] = ['id' => 'invite', 'name' => 'Invitation', 'price' => 0, 'quota' => 10];
        $this->site->storage->saveForm($form);
        $created = $this->create('portes-ouvertes', ['kind' => 'tickets', 'locale' => 'fr', 'payment' => ['provider' => 'simulation'],
            'payer' => ['email' => 'a@example.org', 'firstName' => 'Ada', 'lastName' => 'Lovelace'],
            'tickets' => ['items' => [['typeId' => 'invite', 'quantity' => 2]]]]);
        self::assertSame(['type' => 'completed'], $created['next']);
        self::assertSame('paid', $created['order']['status']);
        self::assertCount(2, $created['order']['tickets']);
        $invite = array_values(array_filter($this->site->call('GET', '/forms/portes-ouvertes')->body['tickets']['types'], static function (array $type): bool {
            return $type['id'] === 'invite';
        }))[0];
        self::assertSame(8, $invite['available']);
    }

    public function testATamperedTotalIsRefusedWithTheServersPrice(): void
    {
        $answer = $this->site->call('POST', '/forms/concert-noel/orders', array_replace(TestSite::example('order-request.tickets'), ['expectedTotal' => 100]));
        self::assertSame(409, $answer->status);
        self::assertSame('amount_mismatch', $answer->body['error']['code']);
        self::assertSame("Le montant a changé : il est maintenant de 34,00\u{a0}€. Vérifiez votre commande avant de payer.", $answer->body['error']['message']);
        self::assertSame(0, $this->site->storage->countOrders([]));
    }

    public function testTheLastSeatsAreNeverSoldTwice(): void
    {
        $form = TestSite::example('form-config.tickets');
        $form['id'] = 'petite-salle';
        $form['tickets']['types'][0]['quota'] = 2;
        $form['tickets']['attendeeNames'] = false;
        $this->site->storage->saveForm($form);
        $two = ['kind' => 'tickets', 'locale' => 'en', 'payment' => ['provider' => 'simulation'],
            'payer' => ['email' => 'a@example.org', 'firstName' => 'Ada', 'lastName' => 'Lovelace'],
            'tickets' => ['items' => [['typeId' => 'plein', 'quantity' => 2]]]];
        $this->create('petite-salle', $two);

        $again = $this->site->call('POST', '/forms/petite-salle/orders', $two);
        self::assertSame(409, $again->status);
        self::assertSame('sold_out', $again->body['error']['code']);
        self::assertSame('Quantity: “Full price” is sold out.', $again->body['error']['message']);
        $definition = $this->site->call('GET', '/forms/petite-salle')->body;
        self::assertSame(0, $definition['tickets']['types'][0]['available']);

        // Once the hold lapses the seats are on sale again.
        $this->site->clock->advance(31 * 60);
        $this->create('petite-salle', $two);
    }

    public function testADeclinedCardPutsTheSeatsBackOnSaleAndALatePaymentSaysWhenTheRoomIsOversold(): void
    {
        $form = TestSite::example('form-config.tickets');
        $form['id'] = 'petite-salle';
        $form['tickets']['types'][0]['quota'] = 2;
        $form['tickets']['attendeeNames'] = false;
        $this->site->storage->saveForm($form);
        $two = ['kind' => 'tickets', 'locale' => 'fr', 'payment' => ['provider' => 'simulation'],
            'payer' => ['email' => 'a@example.org', 'firstName' => 'Ada', 'lastName' => 'Lovelace'],
            'tickets' => ['items' => [['typeId' => 'plein', 'quantity' => 2]]]];
        $available = function (): int {
            return $this->site->call('GET', '/forms/petite-salle')->body['tickets']['types'][0]['available'];
        };
        $first = $this->create('petite-salle', $two);
        self::assertSame(0, $available());
        self::assertSame('failed', $this->pay($first, '4000000000000002')['order']['status']);
        self::assertSame(2, $available(), 'a declined card frees the seats');

        // Another buyer takes them; the first payer then pays with another card: the money is taken, so the
        // seats are sold anyway and the treasurer reads that the room is over its quota.
        $this->pay($this->create('petite-salle', $two));
        $late = $this->pay($first);
        self::assertSame('paid', $late['order']['status']);
        self::assertCount(2, $late['order']['tickets']);
        $notes = array_values(array_filter($this->site->storage->findOrder($first['order']['id'])['history'], static function (array $note): bool {
            return $note['action'] === 'oversold';
        }));
        self::assertSame('plein: 4/2', $notes[0]['detail'] ?? null);
        self::assertSame(0, $available());
    }

    public function testARetryWithTheSameIdempotencyKeyGetsTheSameOrder(): void
    {
        $key = ['Idempotency-Key' => 'donation-7f3c'];
        $url = '/forms/' . TestSite::example('form-config.donation')['id'] . '/orders';
        $first = $this->site->call('POST', $url, self::donation(), $key);
        self::assertArrayNotHasKey('Idempotent-Replayed', $first->headers);
        $this->pay($first->body);
        $second = $this->site->call('POST', $url, array_reverse(self::donation(), true), $key);
        self::assertSame(201, $second->status);
        self::assertSame('true', $second->headers['Idempotent-Replayed']);
        self::assertSame($first->body['order']['id'], $second->body['order']['id']);
        self::assertSame($first->body['token'], $second->body['token']);
        self::assertSame($first->body['next'], $second->body['next']);
        self::assertSame('paid', $second->body['order']['status'], 'the order as it is now');
        self::assertSame(1, $this->site->storage->countOrders([]));

        $other = $this->site->call('POST', '/forms/' . TestSite::example('form-config.donation')['id'] . '/orders', self::donation(['expectedTotal' => 5000, 'donation' => ['amount' => 5000, 'frequency' => 'once']]), $key);
        self::assertSame(409, $other->status);
        self::assertSame('idempotency_conflict', $other->body['error']['code']);
    }

    public function testAReplayedWebhookIsAppliedOnce(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $this->pay($created);
        $event = ['id' => 'simevt_refund_1', 'type' => 'refunded', 'orderId' => $created['order']['id'], 'amount' => 1000, 'createdAt' => '2026-11-20T10:00:00Z'];
        $signed = SimulationWebhook::sign(TestSite::SIMULATION_SECRET, $event, $this->site->clock->now());

        $first = $this->site->call('POST', '/webhooks/simulation', $signed['body'], $signed['headers']);
        self::assertSame(['received' => true, 'eventId' => 'simevt_refund_1', 'duplicate' => false], $first->body);
        $replay = $this->site->call('POST', '/webhooks/simulation', $signed['body'], $signed['headers']);
        self::assertSame(['received' => true, 'eventId' => 'simevt_refund_1', 'duplicate' => true], $replay->body);
        $order = $this->site->storage->findOrder($created['order']['id']);
        self::assertSame(1000, $order['refundedAmount']);
        self::assertSame('paid', $order['status'], 'a partial refund keeps the order paid');

        $forged = str_replace('"amount":1000', '"amount":2500', $signed['body']);
        $refused = $this->site->call('POST', '/webhooks/simulation', $forged, $signed['headers']);
        self::assertSame(400, $refused->status);
        self::assertSame('webhook_signature_invalid', $refused->body['error']['code']);
        self::assertSame(1000, $this->site->storage->findOrder($created['order']['id'])['refundedAmount']);
    }

    public function testFieldErrorsComeAllAtOnceInThePayersLanguage(): void
    {
        $request = self::donation(['locale' => 'en']);
        $request['payer'] = ['email' => 'not-an-email', 'firstName' => '', 'lastName' => 'Martin'];
        $answer = $this->site->call('POST', '/forms/' . TestSite::example('form-config.donation')['id'] . '/orders', $request);
        self::assertSame(422, $answer->status);
        self::assertSame('Some fields need correcting.', $answer->body['error']['message']);
        $byField = array_column($answer->body['error']['errors'], 'message', 'field');
        self::assertSame('Email: the email address is not valid (for example name@example.com).', $byField['payer.email']);
        self::assertSame('First name: this field is required.', $byField['payer.firstName']);
        self::assertSame('Address: a postal address is needed to issue a tax receipt.', $byField['payer.address']);

        $french = $this->site->call('POST', '/forms/' . TestSite::example('form-config.donation')['id'] . '/orders', array_replace($request, ['locale' => 'fr']));
        self::assertSame('Certains champs sont à corriger.', $french->body['error']['message']);
    }

    public function testUnreadableRequestsAreRefusedPlainly(): void
    {
        $id = TestSite::example('form-config.donation')['id'];
        self::assertSame('bad_request', $this->site->call('POST', '/forms/' . $id . '/orders', '{"kind":')->body['error']['code']);
        self::assertSame('payer', $this->site->call('POST', '/forms/' . $id . '/orders', ['kind' => 'donation', 'locale' => 'fr', 'payment' => ['provider' => 'simulation']])->body['error']['field']);
        self::assertSame(405, $this->site->call('DELETE', '/forms/' . $id)->status);
        self::assertSame(415, $this->site->call('POST', '/forms/' . $id . '/orders', '{}', ['Content-Type' => 'application/xml'])->status);
        self::assertSame(0, $this->site->storage->countOrders([]));
    }

    public function testARequestOutsideTheSchemaIsRefusedAsTheNodeHostRefusesIt(): void
    {
        $id = TestSite::example('form-config.donation')['id'];
        $refused = function (array $request) use ($id): array {
            $answer = $this->site->call('POST', '/forms/' . $id . '/orders', $request);
            return [$answer->status, $answer->body['error']['code'], $answer->body['error']['field'] ?? null];
        };
        // A client-side total is an unknown property: refused, never trusted.
        self::assertSame([400, 'bad_request', 'total'], $refused(self::donation(['total' => 1])));
        self::assertSame([400, 'bad_request', 'kind'], $refused(TestSite::example('order-request.membership')));
        self::assertSame([422, 'validation_failed', null], $refused(self::donation(['currency' => 'USD'])));
        self::assertSame([400, 'bad_request', 'currency'], $refused(self::donation(['currency' => 'EUR'])));
        self::assertSame(0, $this->site->storage->countOrders([]));
    }

    public function testTheTopLevelPropertiesAreTheSchemasOwn(): void
    {
        $schema = json_decode((string) file_get_contents(dirname(__DIR__, 3) . '/src/protocol/protocol-v1.schema.json'), true);
        foreach ($schema['$defs']['OrderRequest']['anyOf'] as $variant) {
            $kind = $variant['properties']['kind']['const'];
            self::assertFalse($variant['additionalProperties']);
            self::assertEqualsCanonicalizing(array_keys($variant['properties']), array_merge(RequestShape::TOP_LEVEL_KEYS, [$kind]), $variant['title']);
        }
    }

    public function testADeclinedCardFailsTheOrderAndAnotherCardCanStillPay(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $declined = $this->pay($created, '4000000000000002');
        self::assertSame('declined', $declined['outcome']);
        self::assertSame('failed', $declined['order']['status']);
        self::assertSame([
            'code' => 'payment_declined',
            'message' => 'Le paiement a été refusé. Essayez une autre carte ou un autre moyen de paiement.',
        ], $declined['order']['failure']);
        // The processor's reason stays for the treasurer.
        self::assertSame('generic_decline', $this->site->storage->findOrder($created['order']['id'])['failureCode']);
        self::assertSame('paid', $this->pay($created)['order']['status']);
    }

    public function testADeclineIsToldInThePayersLanguageNotTheSites(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation(['locale' => 'en']));
        $declined = $this->pay($created, '4000000000000002');
        self::assertSame('payment_declined', $declined['order']['failure']['code']);
        self::assertSame('The payment was declined. Try another card or payment method.', $declined['order']['failure']['message']);
        $french = $this->site->call('POST', '/simulation/' . $created['order']['id'] . '/confirm?locale=fr', [
            'clientSecret' => $created['next']['clientSecret'],
            'card' => '4000000000000002',
        ]);
        self::assertStringStartsWith('Le paiement a été refusé.', $french->body['order']['failure']['message'], 'a reader naming a language gets it');
    }

    public function testConfirmingAPaidOrderAgainAnswersSucceededAndChargesNothing(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $this->pay($created);
        $history = count($this->site->storage->findOrder($created['order']['id'])['history']);
        $again = $this->pay($created, '4000000000000002');
        self::assertSame('succeeded', $again['outcome']);
        self::assertSame('paid', $again['order']['status']);
        self::assertNull($again['order']['failure']);
        self::assertCount($history, $this->site->storage->findOrder($created['order']['id'])['history'], 'nothing happened to the order');
    }

    public function testThreeDSecureAndDelayedSettlement(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $challenge = $this->pay($created, '4000002760003184');
        self::assertSame('requires_action', $challenge['outcome']);
        self::assertSame(TestSite::BASE . '/simulation/' . $created['order']['id'] . '/challenge', $challenge['challengeUrl']);
        $approved = $this->site->call('POST', '/simulation/' . $created['order']['id'] . '/challenge', ['clientSecret' => $created['next']['clientSecret'], 'approve' => true]);
        self::assertSame('paid', $approved->body['order']['status']);

        $slow = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        self::assertSame('processing', $this->pay($slow, '4000000000000077')['outcome']);
        $url = '/orders/' . $slow['order']['id'] . '?token=' . $slow['token'];
        self::assertSame('pending', $this->site->call('GET', $url)->body['status']);
        $this->site->clock->advance(11);
        self::assertSame('paid', $this->site->call('GET', $url)->body['status']);
    }

    public function testRefundThroughTheSimulationFromTheBackOffice(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $this->pay($created);
        $order = BackOffice::refund($this->site->ctx, $created['order']['id']);
        self::assertSame('refunded', $order['status']);
        self::assertSame(2500, $order['refundedAmount']);
        self::assertSame(1, BackOffice::list($this->site->ctx, ['status' => 'refunded'])['total']);
    }

    public function testNoSecretReachesTheLogs(): void
    {
        $created = $this->create(TestSite::example('form-config.donation')['id'], self::donation());
        $this->pay($created);
        $logged = json_encode($this->site->logs);
        self::assertStringNotContainsString(TestSite::SIMULATION_SECRET, (string) $logged);
        self::assertStringNotContainsString($created['token'], (string) $logged);
        self::assertStringNotContainsString($created['next']['clientSecret'], (string) $logged);
    }
}
