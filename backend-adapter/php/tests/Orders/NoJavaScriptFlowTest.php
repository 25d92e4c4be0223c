<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Orders;

use Guichet\Adapter\Orders\CreateOrder;
use Guichet\Adapter\Ports\CurlHttpClient;
use Guichet\Adapter\Providers\Shared\SignedHeader;
use Guichet\Adapter\Tests\Support\StripeEmulator;
use Guichet\Adapter\Tests\Support\TestSite;
use PHPUnit\Framework\TestCase;

/**
 * A host's no-JavaScript form posts to the host, which creates the order with flow 'redirect' and sends the
 * browser wherever `next` leads (docs/protocol.md §5, "Without JavaScript"). Stripe is the repository's emulator.
 */
final class NoJavaScriptFlowTest extends TestCase
{
    private const FORM_PAGE = 'https://asso.example/soutenir/';

    private ?StripeEmulator $emulator = null;

    private function site(): TestSite
    {
        $emulator = StripeEmulator::shared($why);
        if ($emulator === null) {
            self::markTestSkipped((string) $why);
        }
        $this->emulator = $emulator;
        $site = new TestSite(['stripe' => [
            'secretKey' => 'sk_test_guichet_php_no_js',
            'publishableKey' => 'pk_test_guichet_php_no_js',
            'webhookSecret' => $emulator->webhookSecret,
            'apiBase' => $emulator->url,
            'uiMode' => 'elements',
        ]]);
        $site->install('form-config.donation', ['payment' => ['providers' => ['stripe', 'simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
        return $site;
    }

    /** @return array<string, mixed> the example request of docs/protocol.md, on the test site's origin */
    private static function request(array $changes = []): array
    {
        return array_replace(TestSite::example('order-request.donation-no-js'), ['returnUrl' => self::FORM_PAGE], $changes);
    }

    /** What the browser does on the hosted page: press one of its buttons, read where the 303 leads. */
    private static function press(string $url, string $action): string
    {
        $answer = (new CurlHttpClient(10))->send('POST', $url, ['Content-Type' => 'application/x-www-form-urlencoded'], 'action=' . $action);
        self::assertSame(303, $answer->status, $answer->body);
        return (string) $answer->header('Location');
    }

    /** The host's webhook route, fed the emulator's checkout.session.completed for this session. */
    private function deliverCompletion(TestSite $site, string $session): void
    {
        $delivered = 0;
        foreach ($this->emulator->events('checkout.session.completed') as $event) {
            if ($event['data']['object']['id'] !== $session) {
                continue;
            }
            $body = (string) json_encode($event, JSON_UNESCAPED_SLASHES);
            $headers = ['Stripe-Signature' => SignedHeader::header($body, $this->emulator->webhookSecret, $site->clock->now()->getTimestamp())];
            self::assertSame(200, $site->call('POST', '/webhooks/stripe', $body, $headers)->status);
            $delivered++;
        }
        self::assertSame(1, $delivered);
    }

    public function testIsSentToStripesHostedPagePaysAndComesBackToItsPaidOrder(): void
    {
        $site = $this->site();
        $created = $site->call('POST', '/forms/don-jardin/orders', self::request());
        self::assertSame(201, $created->status, $created->json());
        $next = $created->body['next'];
        self::assertSame('redirect', $next['type'], 'the hosted page, though the site uses Elements for its widgets');
        self::assertStringStartsWith($this->emulator->url . '/c/pay/cs_test_', $next['url']);
        self::assertSame('pending', $created->body['order']['status']);
        $orderId = $created->body['order']['id'];
        $session = (string) $site->storage->findOrder($orderId)['providerRef'];

        $back = self::press($next['url'], 'card');
        self::assertSame(self::FORM_PAGE . '?guichet_order=' . $orderId . '&guichet_token=' . $created->body['token'] . '&session_id=' . $session, $back);

        $this->deliverCompletion($site, $session);
        parse_str((string) parse_url($back, PHP_URL_QUERY), $query);
        $status = $site->call('GET', '/orders/' . $query['guichet_order'] . '?token=' . $query['guichet_token']);
        self::assertSame(200, $status->status);
        self::assertSame('paid', $status->body['status']);
        self::assertSame(2500, $status->body['total']);
    }

    public function testWhoLeavesTheHostedPageFindsTheFormAgainUnpaid(): void
    {
        $site = $this->site();
        $created = $site->call('POST', '/forms/don-jardin/orders', self::request());
        self::assertSame(self::FORM_PAGE, self::press($created->body['next']['url'], 'cancel'));
        self::assertSame('pending', $site->storage->findOrder($created->body['order']['id'])['status']);
    }

    public function testAMonthlyDonationSubscribesOnTheHostedPageWhenTheHostCallsCreateOrderItself(): void
    {
        $site = $this->site();
        // SPIP's CVT form calls the orders service directly, not through the protocol handler.
        $created = CreateOrder::run($site->ctx, 'don-jardin', self::request(['expectedTotal' => 1000, 'donation' => ['amount' => 1000, 'frequency' => 'monthly']]), null);
        self::assertSame('redirect', $created['next']['type']);
        $session = (string) $site->storage->findOrder($created['order']['id'])['providerRef'];
        self::press($created['next']['url'], 'card');
        $this->deliverCompletion($site, $session);
        $order = $site->storage->findOrder($created['order']['id']);
        self::assertSame('paid', $order['status']);
        self::assertSame(['interval' => 'month'], $order['recurring']);
    }

    public function testAForeignReturnPageIsReplacedByTheSitesOwn(): void
    {
        $site = $this->site();
        $created = $site->call('POST', '/forms/don-jardin/orders', self::request(['returnUrl' => 'https://ailleurs.example/piege']));
        $back = self::press($created->body['next']['url'], 'card');
        self::assertStringStartsWith('https://asso.example/?guichet_order=' . $created->body['order']['id'] . '&', $back);
    }

    public function testTheWidgetStillConfirmsInThePage(): void
    {
        $site = $this->site();
        $request = self::request();
        unset($request['flow']);
        $created = $site->call('POST', '/forms/don-jardin/orders', $request);
        self::assertSame(['confirm', 'stripe', 'elements'], [$created->body['next']['type'], $created->body['next']['provider'], $created->body['next']['uiMode']]);
    }

    public function testProvidersWithoutAHostedPageAnswerAsForTheWidget(): void
    {
        $site = new TestSite();
        $site->install('form-config.donation', ['payment' => ['providers' => ['simulation', 'offline'], 'offlineMethods' => ['cheque']]]);
        $simulated = $site->call('POST', '/forms/don-jardin/orders', self::request(['payment' => ['provider' => 'simulation']]));
        self::assertSame(['confirm', 'simulation'], [$simulated->body['next']['type'], $simulated->body['next']['provider']]);
        $cheque = $site->call('POST', '/forms/don-jardin/orders', self::request(['payment' => ['provider' => 'offline', 'offlineMethod' => 'cheque']]));
        self::assertSame(['offline', 'cheque'], [$cheque->body['next']['type'], $cheque->body['next']['method']]);
    }

    public function testAnUnknownFlowIsRefusedBeforeAnythingIsStored(): void
    {
        $site = new TestSite();
        $site->install('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
        $answer = $site->call('POST', '/forms/don-jardin/orders', self::request(['flow' => 'popup', 'payment' => ['provider' => 'simulation']]));
        self::assertSame(400, $answer->status);
        self::assertSame(['bad_request', 'flow'], [$answer->body['error']['code'], $answer->body['error']['field']]);
        self::assertSame(0, $site->storage->countOrders([]));
    }
}
