<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Http\ProtocolHandler;
use Guichet\Adapter\Orders\BackOffice;
use Guichet\Adapter\Ports\ArrayReceiptSettings;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\Adapter\Storage\SqliteReceiptStore;
use Guichet\Adapter\Tests\Support\Node;
use Guichet\Adapter\Tests\Support\Paths;
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

    /** @var array<string, mixed> the simulation's answer to the test card (SimulationResult) */
    private array $confirmed = [];

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
        $this->confirmed = $paid->body;
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
        self::assertSame($status['receipt'], $this->confirmed['order']['receipt'] ?? null, 'the confirmation screen offers it at once');
        $schema = json_decode((string) file_get_contents(Paths::repository() . '/backend-adapter/src/protocol/protocol-v1.schema.json'), true)['$defs']['OrderStatus'];
        self::assertSame([], array_diff(array_keys($status), array_keys($schema['properties'])), 'only OrderStatus properties');
        self::assertSame($schema['properties']['receipt']['required'], array_keys($status['receipt']));
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

    public function testTheLinkInTheEmailServesThePdfThatSaysWhatIsCertified(): void
    {
        if (Node::binary() === null) {
            self::markTestSkipped('Node is needed to read the PDF with pdf.js');
        }
        $this->paidDonation();
        parse_str((string) parse_url((string) $this->mailbox->lastLink(), PHP_URL_QUERY), $query);
        $pdf = $this->receipts->pdfForLink((string) $query['id'], (string) $query['token']);
        self::assertNotNull($pdf);
        self::assertSame('application/pdf', (new \finfo(FILEINFO_MIME_TYPE))->buffer($pdf['bytes']));
        $flat = (string) preg_replace('/\s+/u', ' ', self::pdfText($pdf['bytes']));
        foreach (['2026-00001', 'Camille', 'Martin', '8 allée des Tilleuls', 'vingt-cinq euros', 'Les Amis du Jardin partagé', 'Claude Petit'] as $expected) {
            self::assertStringContainsString($expected, $flat);
        }
    }

    /** The PDF's text as pdf.js extracts it (a plain Node child process: pdf.js needs no TypeScript). */
    private static function pdfText(string $bytes): string
    {
        $script = <<<'JS'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, isEvalSupported: false }).promise;
let text = '';
for (let n = 1; n <= doc.numPages; n += 1) {
  for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) text += item.str + ' ';
}
process.stdout.write(text);
JS;
        $process = proc_open([(string) Node::binary(), '--input-type=module', '-e', $script], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, Paths::repository());
        self::assertIsResource($process);
        fwrite($pipes[0], $bytes);
        fclose($pipes[0]);
        $text = (string) stream_get_contents($pipes[1]);
        $errors = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        self::assertSame(0, proc_close($process), $errors);
        return $text;
    }
}
