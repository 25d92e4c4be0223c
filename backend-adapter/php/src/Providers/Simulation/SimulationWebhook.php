<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Providers\ProviderEvent;
use Guichet\Adapter\Providers\Shared\SignedHeader;
use Guichet\Adapter\Providers\WebhookPayloadError;
use Guichet\Adapter\Providers\WebhookSignatureError;

/**
 * POST {base}/webhooks/simulation (providers/simulation/webhook.ts): SimulationEvent bodies signed like
 * Stripe's in `Guichet-Signature` with the simulation secret, verified on the raw body before parsing.
 */
final class SimulationWebhook
{
    public const SIGNATURE_HEADER = 'Guichet-Signature';
    private const TYPES = ['payment_succeeded', 'payment_failed', 'payment_expired', 'refunded', 'disputed'];
    private const FIELDS = ['id', 'type', 'orderId', 'amount', 'failureCode', 'createdAt'];

    /**
     * @param array<string, string|string[]> $headers
     * @return ProviderEvent[]
     */
    public static function receive(string $secret, string $rawBody, array $headers, \DateTimeImmutable $now): array
    {
        $header = SignedHeader::headerValue($headers, self::SIGNATURE_HEADER);
        $check = SignedHeader::check($rawBody, $header, $secret, $now->getTimestamp());
        if (!$check['ok']) {
            throw new WebhookSignatureError('Simulation webhook rejected: ' . $check['reason']);
        }
        $body = json_decode($rawBody, true);
        if (!is_array($body)) {
            throw new WebhookPayloadError('Simulation webhook body is not JSON');
        }
        if (!self::isEvent($body)) {
            throw new WebhookPayloadError('Simulation webhook body is not an event');
        }
        $createdAt = Instant::parseRfc3339($body['createdAt']);
        return [new ProviderEvent(
            $body['id'],
            $body['type'],
            $createdAt ?? $now,
            null,
            $body['orderId'],
            isset($body['amount']) ? (int) $body['amount'] : null,
            isset($body['failureCode']) ? (string) $body['failureCode'] : null
        )];
    }

    /** The SimulationEvent schema, checked by hand. @param array<string, mixed> $body */
    private static function isEvent(array $body): bool
    {
        foreach (array_keys($body) as $key) {
            if (!in_array($key, self::FIELDS, true)) {
                return false;
            }
        }
        return is_string($body['id'] ?? null) && preg_match('/^[A-Za-z0-9_-]{1,255}$/', $body['id']) === 1
            && in_array($body['type'] ?? null, self::TYPES, true)
            && is_string($body['orderId'] ?? null) && preg_match('/^[A-Za-z0-9_-]{1,64}$/', $body['orderId']) === 1
            && (!array_key_exists('amount', $body) || (is_int($body['amount']) && $body['amount'] >= 0 && $body['amount'] <= 10000000000))
            && (!array_key_exists('failureCode', $body) || (is_string($body['failureCode']) && strlen($body['failureCode']) <= 64))
            && is_string($body['createdAt'] ?? null) && Instant::parseRfc3339($body['createdAt']) !== null;
    }

    /**
     * The body and headers of a simulation event, as a test or the demo's "trigger" buttons send it.
     * @param array<string, mixed> $event
     * @return array{body: string, headers: array<string, string>}
     */
    public static function sign(string $secret, array $event, \DateTimeImmutable $now): array
    {
        $body = json_encode($event, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        return [
            'body' => (string) $body,
            'headers' => [
                strtolower(self::SIGNATURE_HEADER) => SignedHeader::header((string) $body, $secret, $now->getTimestamp()),
                'content-type' => 'application/json',
            ],
        ];
    }
}
