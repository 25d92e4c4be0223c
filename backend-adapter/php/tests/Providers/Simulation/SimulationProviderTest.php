<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Providers\Simulation;

use Guichet\Adapter\Ports\FrozenClock;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\Simulation\Cards;
use Guichet\Adapter\Providers\Simulation\SimulationProvider;
use Guichet\Adapter\Providers\Simulation\Tokens;
use Guichet\Adapter\Tests\Support\Node;
use PHPUnit\Framework\TestCase;

final class SimulationProviderTest extends TestCase
{
    private const SECRET = 'simulation_secret_for_tests';

    private FrozenClock $clock;
    private SimulationProvider $provider;

    protected function setUp(): void
    {
        $this->clock = new FrozenClock('2026-06-15T10:00:00Z');
        $this->provider = new SimulationProvider(['enabled' => true, 'secret' => self::SECRET], static function (string $id): string {
            return 'https://asso.example/api/simulation/' . $id . '/confirm';
        }, $this->clock);
    }

    private function clientSecret(): string
    {
        $command = $this->provider->startPayment(new PaymentRequest([
            'orderId' => 'ord_card_1', 'formId' => 'f', 'kind' => 'donation', 'currency' => 'EUR', 'total' => 2500,
            'idempotencyKey' => 'k', 'reference' => 'G-1',
        ]), $this->clock->now());
        return (string) $command->next['clientSecret'];
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    public function cards(): array
    {
        $out = [];
        foreach (Cards::table()['cards'] as $card) {
            $out[$card['number'] . ' ' . $card['description']['en']] = [$card];
        }
        return $out;
    }

    /** @dataProvider cards @param array<string, mixed> $card */
    public function testEveryTestCardDoesWhatTheTableSays(array $card): void
    {
        $spaced = trim(chunk_split($card['number'], 4, ' '));
        $answer = $this->provider->confirm($this->clientSecret(), $spaced, $this->clock->now());
        self::assertSame($card['outcome'], $answer['outcome']);
        $types = array_map(static function ($e): string {
            return $e->type;
        }, $answer['events']);
        $expected = ['succeeded' => ['payment_succeeded'], 'declined' => ['payment_failed'], 'requires_action' => [], 'processing' => ['payment_processing']];
        self::assertSame($expected[$card['outcome']], $types);
        if ($card['outcome'] === 'declined') {
            self::assertSame($card['reason'], $answer['failure']['code']);
        }
        if ($card['outcome'] === 'processing') {
            self::assertSame([], $this->provider->reconcile($answer['providerRef'], $this->clock->now()));
            $this->clock->advance((int) $card['settleAfterSeconds']);
            self::assertSame('payment_succeeded', $this->provider->reconcile($answer['providerRef'], $this->clock->now())[0]->type);
        }
    }

    public function testAnUnknownCardIsDeclinedAndARefusedChallengeFails(): void
    {
        $answer = $this->provider->confirm($this->clientSecret(), '1234 5678 9012 3456', $this->clock->now());
        self::assertSame('declined', $answer['outcome']);
        self::assertSame('invalid_number', $answer['failure']['code']);
        $refused = $this->provider->challenge($this->clientSecret(), false, $this->clock->now());
        self::assertSame('authentication_failed', $refused['failure']['code']);
    }

    public function testATamperedClientSecretIsRefused(): void
    {
        $tampered = str_replace('_2500_', '_1_', $this->clientSecret());
        $this->expectException(ProviderError::class);
        $this->provider->confirm($tampered, '4242424242424242', $this->clock->now());
    }

    public function testRefundsOnlyASettledPaymentWithinItsAmount(): void
    {
        $paid = $this->provider->confirm($this->clientSecret(), '4242424242424242', $this->clock->now());
        self::assertSame(1000, $this->provider->refund($paid['providerRef'], 1000, 'refund-1')['amount']);
        $this->expectException(ProviderError::class);
        $this->provider->refund($paid['providerRef'], 2501, 'refund-2');
    }

    /** A PHP host and a Node host sign and read the same simulation tokens. */
    public function testTokensMatchTheTypeScriptProvider(): void
    {
        if (!Node::available()) {
            self::markTestSkipped('node (with tsx in node_modules) is needed for the TypeScript cross-check');
        }
        $source = <<<'TS'
import { signClientSecret, signPaymentRef, refundId } from '@repo/backend-adapter/src/providers/simulation/tokens.ts';
const s = 'simulation_secret_for_tests';
process.stdout.write(JSON.stringify([
  signClientSecret(s, { orderId: 'ord_a_b', amount: 2500, currency: 'EUR' }),
  signPaymentRef(s, { orderId: 'ord_a_b', amount: 2500, currency: 'EUR', state: 'settling', at: 1781517610 }),
  refundId(s, 'ord_a_b', 1000, 'refund_ord_a_b_1000'),
]));
TS;
        $expected = json_decode(Node::evaluate($source), true);
        self::assertSame($expected, [
            Tokens::signClientSecret(self::SECRET, ['orderId' => 'ord_a_b', 'amount' => 2500, 'currency' => 'EUR']),
            Tokens::signPaymentRef(self::SECRET, ['orderId' => 'ord_a_b', 'amount' => 2500, 'currency' => 'EUR', 'state' => 'settling', 'at' => 1781517610]),
            Tokens::refundId(self::SECRET, 'ord_a_b', 1000, 'refund_ord_a_b_1000'),
        ]);
        self::assertSame(['orderId' => 'ord_a_b', 'amount' => 2500, 'currency' => 'EUR'], Tokens::verifyClientSecret(self::SECRET, $expected[0]));
    }
}
