<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\ProviderEvent;

/**
 * The simulated card processor (providers/simulation/processor.ts): what a bank would answer to a card, a 3-D
 * Secure challenge, a settlement check or a refund. Pure functions of (secret, input, now).
 *
 * An answer is an array: outcome, orderId, amount, currency, providerRef (the signed reference after this
 * step), events (ProviderEvent[], ids `simevt_<orderId>_<type>` so a replay is a duplicate), failure? {code}.
 */
final class Processor
{
    public static function eventId(string $orderId, string $type): string
    {
        return 'simevt_' . $orderId . '_' . $type;
    }

    /** @param array{orderId: string, amount: int, currency: string} $payment */
    private static function event(array $payment, string $type, string $providerRef, \DateTimeImmutable $at, ?string $failure = null): ProviderEvent
    {
        return new ProviderEvent(self::eventId($payment['orderId'], $type), $type, $at, $providerRef, $payment['orderId'], $payment['amount'], $failure);
    }

    /** @return array{orderId: string, amount: int, currency: string} */
    private static function paymentOf(string $secret, string $clientSecret): array
    {
        $payment = Tokens::verifyClientSecret($secret, $clientSecret);
        if ($payment === null) {
            throw new ProviderError('bad_request', 'This simulation client secret is not valid.');
        }
        return $payment;
    }

    /** @param array{orderId: string, amount: int, currency: string} $payment */
    private static function ref(string $secret, array $payment, string $state, int $at): string
    {
        return Tokens::signPaymentRef($secret, $payment + ['state' => $state, 'at' => $at]);
    }

    /**
     * @param array{orderId: string, amount: int, currency: string} $payment
     * @return array<string, mixed>
     */
    private static function answer(string $secret, array $payment, string $outcome, \DateTimeImmutable $now, ?int $settleAt = null, ?string $failure = null): array
    {
        $common = ['orderId' => $payment['orderId'], 'amount' => $payment['amount'], 'currency' => $payment['currency']];
        $seconds = $now->getTimestamp();
        switch ($outcome) {
            case 'succeeded':
                $ref = self::ref($secret, $payment, 'paid', $seconds);
                return $common + ['outcome' => $outcome, 'providerRef' => $ref, 'events' => [self::event($payment, 'payment_succeeded', $ref, $now)]];
            case 'processing':
                $ref = self::ref($secret, $payment, 'settling', $settleAt ?? $seconds);
                return $common + ['outcome' => $outcome, 'providerRef' => $ref, 'events' => [self::event($payment, 'payment_processing', $ref, $now)]];
            case 'declined':
                $ref = self::ref($secret, $payment, 'open', $seconds);
                $code = $failure ?? 'generic_decline';
                // The payer may try another card: a later success moves a failed order to paid.
                return $common + ['outcome' => $outcome, 'providerRef' => $ref, 'failure' => ['code' => $code],
                    'events' => [self::event($payment, 'payment_failed', $ref, $now, $code)]];
            default:
                return $common + ['outcome' => 'requires_action', 'providerRef' => self::ref($secret, $payment, 'open', $seconds), 'events' => []];
        }
    }

    /** @return array<string, mixed> */
    public static function confirmCard(string $secret, string $clientSecret, string $card, \DateTimeImmutable $now): array
    {
        $payment = self::paymentOf($secret, $clientSecret);
        $behaviour = Cards::behaviour($card);
        if ($behaviour['outcome'] !== 'processing') {
            return self::answer($secret, $payment, $behaviour['outcome'], $now, null, $behaviour['reason'] ?? null);
        }
        return self::answer($secret, $payment, 'processing', $now, $now->getTimestamp() + (int) ($behaviour['settleAfterSeconds'] ?? 0));
    }

    /** The payer's answer on the simulated 3-D Secure page. @return array<string, mixed> */
    public static function answerChallenge(string $secret, string $clientSecret, bool $approve, \DateTimeImmutable $now): array
    {
        $payment = self::paymentOf($secret, $clientSecret);
        return $approve
            ? self::answer($secret, $payment, 'succeeded', $now)
            : self::answer($secret, $payment, 'declined', $now, null, (string) Cards::challengeRefused()['reason']);
    }

    /** @return array{orderId: string, amount: int, currency: string, state: string, at: int} */
    private static function knownRef(string $secret, string $providerRef): array
    {
        $payment = Tokens::verifyPaymentRef($secret, $providerRef);
        if ($payment === null) {
            throw new ProviderError('bad_request', 'This simulation payment reference is not valid.');
        }
        return $payment;
    }

    /** A delayed payment settles once now reaches the time signed into its reference. @return ProviderEvent[] */
    public static function reconcile(string $secret, string $providerRef, \DateTimeImmutable $now): array
    {
        $payment = self::knownRef($secret, $providerRef);
        if ($payment['state'] === 'open' || ($payment['state'] === 'settling' && $now->getTimestamp() < $payment['at'])) {
            return [];
        }
        $at = (new \DateTimeImmutable('@' . $payment['at']))->setTimezone(new \DateTimeZone('UTC'));
        return [self::event($payment, 'payment_succeeded', $providerRef, $at)];
    }

    /** @return array{refundId: string, amount: int} */
    public static function refund(string $secret, string $providerRef, ?int $amount, string $idempotencyKey, \DateTimeImmutable $now): array
    {
        $payment = self::knownRef($secret, $providerRef);
        if ($payment['state'] === 'open' || ($payment['state'] === 'settling' && $now->getTimestamp() < $payment['at'])) {
            throw new ProviderError('bad_request', 'Order ' . $payment['orderId'] . ' has no settled payment to refund.');
        }
        $refunded = $amount ?? $payment['amount'];
        if ($refunded <= 0 || $refunded > $payment['amount']) {
            throw new ProviderError('bad_request', 'A refund is between 1 and ' . $payment['amount'] . ' (minor units).');
        }
        return ['refundId' => Tokens::refundId($secret, $payment['orderId'], $refunded, $idempotencyKey), 'amount' => $refunded];
    }
}
