<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Http\ProtocolHandler;
use Guichet\Adapter\Orders\BackOffice;
use Guichet\Adapter\Ports\ArrayReceiptSettings;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\Adapter\Storage\SqliteReceiptStore;
use Guichet\Adapter\Tests\Support\ReceiptMailbox;
use Guichet\Adapter\Tests\Support\ReceiptTestBed;
use Guichet\Adapter\Tests\Support\TestSite;
use PHPUnit\Framework\TestCase;

/**
 * Receipts wired as a host wires them (README "Tax receipts"): the service listens to the orders, shares the
 * SQLite file, and the protocol handler shows the receipt to the payer who holds the order's token.
 */
final class ReceiptFlowTest extends TestCase
{
    private TestSite $site;
    private ReceiptService $receipts;
    private SqliteReceiptStore $store;
    private ReceiptMailbox $mailbox;
    private ProtocolHandler $handler;

    protected function setUp(): void
    {
        $this->site = new TestSite();
        $this->site->install('form-config.donation', ['payment' => ['providers' => ['simulation']]]);
        $this->site->install('form-config.tickets');
        $this->store = new SqliteReceiptStore($this->site->storage->pdo());
        $this->store->migrate();
        $this->mailbox = new ReceiptMailbox();
        $settings = new ArrayReceiptSettings(ReceiptTestBed::issuer(), ReceiptTestBed::SECRET, ReceiptTestBed::URL);
        $this->receipts = new ReceiptService($this->site->storage, $this->store, $settings, $this->site->storage, $this->mailbox, $this->site->clock, $this->site);
        $this->site->ctx->onChange([$this->receipts, 'onOrderChanged']);
        $this->handler = new ProtocolHandler($this->site->ctx, $this->receipts);
    }

    /** @return array<string, mixed> the order created and paid with the simulation's test card */
    private function paidDonation(): array
    {
        $request = TestSite::example('order-request.donation');
        $request['payment'] = ['provider' => 'simulation'];
        $created = $this->handler->handle('POST', '/forms/don-jardin/orders', ['Content-Type' => 'application/json'], [], (string) json_encode($request))->body;
        $paid = $this->handler->handle('POST', '/simulation/' . $created['order']['id'] . '/confirm', [], [], (string) json_encode([
            'clientSecret' => $created['next']['clientSecret'],
            'card' => '4242 4242 4242 4242',
        ]));
        self::assertSame('paid', $paid->body['order']['status'], $paid->json());
        return $created;
    }

    /** @param array<string, mixed> $created @return array<string, mixed> */
    private function status(array $created): array
    {
        return $this->handler->handle('GET', '/orders/' . $created['order']['id'], [], ['token' => $created['token']], '')->body;
    }

    public function testThePayerSeesTheReceiptOfTheirPaidDonation(): void
    {
        $created = $this->paidDonation();
        $status = $this->status($created);
        self::assertSame('2026-00001', $status['receipt']['number']);
        self::assertSame($this->mailbox->lastLink(), $status['receipt']['url']);
        self::assertSame(2500, $this->store->findReceiptByNumber('2026-00001')['amount']);
        self::assertSame('2026-11-20', $this->store->findReceiptByNumber('2026-00001')['document']['paidOn']);
        self::assertArrayNotHasKey('receipt', $this->site->call('GET', '/orders/' . $created['order']['id'] . '?token=' . $created['token'])->body, 'a host without receipts shows none');
    }

    public function testARefundFromTheBackOfficeCorrectsThenCancelsTheReceipt(): void
    {
        $created = $this->paidDonation();
        BackOffice::refund($this->site->ctx, $created['order']['id'], 1000);
        $status = $this->status($created);
        self::assertSame('paid', $status['status']);
        self::assertSame('2026-00002', $status['receipt']['number']);
        self::assertSame(1500, $this->store->findReceiptByNumber('2026-00002')['amount']);

        BackOffice::refund($this->site->ctx, $created['order']['id']);
        $status = $this->status($created);
        self::assertSame('refunded', $status['status']);
        self::assertArrayNotHasKey('receipt', $status);
        self::assertSame('cancellation', $this->store->findReceiptByNumber('2026-00003')['kind']);
        self::assertTrue($this->receipts->verify()['ok']);
        self::assertCount(3, $this->mailbox->sent);
    }

    public function testTicketsNeverGetAReceipt(): void
    {
        $request = TestSite::example('order-request.tickets');
        $request['payment'] = ['provider' => 'simulation'];
        $created = $this->handler->handle('POST', '/forms/' . TestSite::example('form-config.tickets')['id'] . '/orders', ['Content-Type' => 'application/json'], [], (string) json_encode($request))->body;
        self::assertArrayHasKey('order', $created, (string) json_encode($created));
        $this->handler->handle('POST', '/simulation/' . $created['order']['id'] . '/confirm', [], [], (string) json_encode([
            'clientSecret' => $created['next']['clientSecret'],
            'card' => '4242 4242 4242 4242',
        ]));
        self::assertSame('paid', $this->status($created)['status']);
        self::assertArrayNotHasKey('receipt', $this->status($created));
        self::assertSame(0, $this->store->countReceipts([]));
    }
}
