<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\PaymentState;
use Guichet\Adapter\Providers\ProviderEvent;

/**
 * What a verified provider event does to an order (orders/event-decisions.ts): the domain's state machine says
 * whether the status may move, this says what moves with it. A decision is an array:
 *   ['type' => 'change', 'change' => [...order fields, 'seats' => 'sell'|'release'|'return', 'note' => [...]]]
 *   ['type' => 'ignore', 'reason' => string]
 *   ['type' => 'reject', 'code' => string, 'params' => array]
 * Pure: it runs inside the storage transaction.
 */
final class EventDecisions
{
    /**
     * @param array<string, mixed> $order
     * @return array<string, mixed>
     */
    public static function decide(array $order, ProviderEvent $event, string $provider): array
    {
        if ($order['provider'] !== $provider) {
            return ['type' => 'ignore', 'reason' => 'order paid through ' . $order['provider']];
        }
        $note = ['source' => 'provider', 'action' => $event->type];
        $refs = [];
        foreach (['providerRef', 'paymentRef', 'subscriptionRef'] as $key) {
            if ($event->{$key} !== null && $event->{$key} !== '') {
                $refs[$key] = $event->{$key};
            }
        }
        switch ($event->type) {
            case 'payment_succeeded':
                if ($event->amount !== null && $event->amount !== (int) $order['total'] && $order['status'] === 'pending') {
                    // The provider charged something else than the server's price: never record it as this order's payment.
                    return ['type' => 'reject', 'code' => 'amount_mismatch', 'params' => ['total' => $event->amount]];
                }
                return self::move($order, 'payment_succeeded', $refs + [
                    'paidAt' => Instant::format($event->occurredAt),
                    'failureCode' => null,
                    'next' => null,
                    'seats' => 'sell',
                    'note' => $note,
                ]);
            case 'payment_failed':
                // Seats go back on sale; a later success with another card re-takes them (and says so if oversold).
                return self::move($order, 'payment_failed', $refs + ['failureCode' => $event->failureCode ?? 'payment_failed', 'seats' => 'release', 'note' => $note]);
            case 'payment_expired':
                return self::move($order, 'expired', $refs + ['next' => null, 'seats' => 'release', 'note' => $note]);
            case 'disputed':
                return self::move($order, 'dispute_opened', $refs + ['note' => $note + self::detail($event)]);
            case 'refunded':
                return self::refund($order, $event->amount ?? (int) $order['total'], $refs + ['note' => $note]);
            case 'payment_processing':
                if ($order['status'] !== 'pending') {
                    return ['type' => 'ignore', 'reason' => 'already ' . $order['status']];
                }
                return ['type' => 'change', 'change' => $refs + ['note' => $note]];
            default:
                // Renewals keep the original order as it is; the history shows each one for the treasurer.
                return ['type' => 'change', 'change' => $refs + ['note' => $note + self::detail($event)]];
        }
    }

    /**
     * $total is the running refunded amount (providers report the cumulative figure), so a replayed or
     * reordered partial refund never counts twice; the order turns refunded once all of it went back.
     * @param array<string, mixed> $order
     * @param array<string, mixed> $change
     * @return array<string, mixed>
     */
    public static function refund(array $order, int $total, array $change): array
    {
        $refunded = min((int) $order['total'], max((int) $order['refundedAmount'], $total));
        if ($refunded === (int) $order['refundedAmount']) {
            return ['type' => 'ignore', 'reason' => 'refund already counted'];
        }
        if ($order['status'] !== 'paid') {
            return ['type' => 'reject', 'code' => 'illegal_transition', 'params' => ['from' => $order['status'], 'to' => 'refunded']];
        }
        if ($refunded < (int) $order['total']) {
            return ['type' => 'change', 'change' => $change + ['refundedAmount' => $refunded]];
        }
        return self::move($order, 'refunded', $change + ['refundedAmount' => $refunded, 'seats' => 'return']);
    }

    /**
     * Applies the domain's transition; a repeated result is a no-op, an illegal move is refused.
     * @param array<string, mixed> $order
     * @param array<string, mixed> $change
     * @return array<string, mixed>
     */
    public static function move(array $order, string $event, array $change): array
    {
        $result = PaymentState::transition($order['status'], $event);
        if (!$result['ok']) {
            return ['type' => 'reject', 'code' => 'illegal_transition', 'params' => ['from' => $order['status'], 'to' => $event]];
        }
        if ($result['duplicate']) {
            return ['type' => 'ignore', 'reason' => 'already ' . $order['status']];
        }
        return ['type' => 'change', 'change' => $change + ['status' => $result['to']]];
    }

    /** @return array<string, string> */
    private static function detail(ProviderEvent $event): array
    {
        return $event->amount === null ? [] : ['detail' => (string) $event->amount];
    }
}
