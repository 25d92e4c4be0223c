<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Providers\Shared\SignedHeader;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

/**
 * Signatures made by the official stripe SDK (tests/vectors/stripe-webhook-signatures.json): the PHP verifier
 * must accept and reject exactly what the Node one does, for the same reason.
 */
final class StripeWebhookSignaturesVectorsTest extends VectorTestCase
{
    public const FILE = 'stripe-webhook-signatures.json';

    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        if (!in_array(self::FILE, Vectors::files(), true)) {
            return ['(file not generated yet)' => [[]]];
        }
        $data = Vectors::load(self::FILE);
        return Vectors::cases(self::FILE, isset($data['cases']) ? 'cases' : 'vectors');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testVerifier(array $case): void
    {
        if ($case === []) {
            self::assertNotContains(self::FILE, Vectors::files());
            return;
        }
        $file = Vectors::load(self::FILE);
        $in = ($case['input'] ?? []) + $case + $file;
        $payload = self::pick($in, ['payload', 'body', 'rawBody']);
        $header = self::pick($in, ['header', 'signatureHeader', 'stripeSignature'], true);
        $secret = self::pick($in, ['secret', 'webhookSecret']);
        $now = self::pick($in, ['now', 'nowSeconds', 'at']);
        $nowSeconds = is_int($now) ? $now : Instant::of((string) $now)->getTimestamp();
        $tolerance = (int) (self::pick($in, ['tolerance', 'toleranceSeconds'], true) ?? SignedHeader::DEFAULT_TOLERANCE_SECONDS);
        $check = SignedHeader::check((string) $payload, $header === null ? null : (string) $header, (string) $secret, $nowSeconds, $tolerance);

        $expected = $case['expected'] ?? $case['valid'] ?? $case['ok'] ?? null;
        if (is_array($expected)) {
            $valid = $expected['valid'] ?? $expected['ok'] ?? null;
            self::assertIsBool($valid, 'expected must say valid/ok');
            self::assertSame($valid, $check['ok'], (string) $case['name']);
            if (!$valid && isset($expected['reason'])) {
                self::assertSame($expected['reason'], $check['reason'], (string) $case['name']);
            }
            return;
        }
        if (is_string($expected)) {
            $expected = in_array($expected, ['valid', 'accept', 'accepted', 'ok'], true);
        }
        self::assertIsBool($expected, 'Unknown expectation shape in ' . self::FILE . ': port its runner');
        self::assertSame($expected, $check['ok'], (string) $case['name']);
    }

    /**
     * @param array<string, mixed> $in
     * @param string[] $names
     * @return mixed
     */
    private static function pick(array $in, array $names, bool $optional = false)
    {
        foreach ($names as $name) {
            if (array_key_exists($name, $in)) {
                return $in[$name];
            }
        }
        if ($optional) {
            return null;
        }
        throw new \UnexpectedValueException('Vector case lacks ' . implode('|', $names) . ': port the runner to the file\'s shape');
    }
}
