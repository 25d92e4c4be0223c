<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Providers\Refunder;

/**
 * Authorised back-office actions (orders/back-office.ts). The HOST checks who may call them (capabilities,
 * nonces); each goes through the same state machine as provider events, at most once per operation key.
 */
final class BackOffice
{
    /** @return array<string, mixed> */
    private static function existing(OrdersContext $ctx, string $orderId): array
    {
        $order = $ctx->storage->findOrder($orderId);
        if ($order === null) {
            throw new ProtocolError('order_not_found');
        }
        return $order;
    }

    /**
     * @param array<string, mixed> $result
     * @return array<string, mixed>
     */
    private static function outcome(OrdersContext $ctx, string $orderId, array $result): array
    {
        if ($result['type'] === 'order_not_found') {
            throw new ProtocolError('order_not_found');
        }
        if ($result['type'] === 'applied' && $result['decision']['type'] === 'reject') {
            throw new ProtocolError($result['decision']['code'], $result['decision']['params'] ?? []);
        }
        return self::existing($ctx, $orderId);
    }

    /** A cheque, a transfer or cash arrived: the offline order is paid. @return array<string, mixed> the order */
    public static function markReceived(OrdersContext $ctx, string $orderId): array
    {
        $order = self::existing($ctx, $orderId);
        if ($order['provider'] !== 'offline') {
            throw new ProtocolError('illegal_transition', ['from' => $order['provider'], 'to' => 'offline']);
        }
        $now = Instant::format($ctx->clock->now());
        $result = OrderUpdates::apply($ctx, ['orderId' => $orderId], ['source' => 'admin', 'id' => 'received_' . $orderId], static function (array $current) use ($now): array {
            return EventDecisions::move($current, 'payment_succeeded', [
                'paidAt' => $now, 'next' => null, 'failureCode' => null, 'seats' => 'sell',
                'note' => ['source' => 'admin', 'action' => 'marked_received'],
            ]);
        });
        return self::outcome($ctx, $orderId, $result);
    }

    /**
     * Refunds all (null) or part of a paid order: through the provider when it can, recorded by hand for
     * offline payments. The provider's own refund webhook later reports the same running total, so it counts once.
     * @return array<string, mixed> the order
     */
    public static function refund(OrdersContext $ctx, string $orderId, ?int $amount = null): array
    {
        $order = self::existing($ctx, $orderId);
        if ($order['status'] !== 'paid') {
            throw new ProtocolError('illegal_transition', ['from' => $order['status'], 'to' => 'refunded']);
        }
        $left = (int) $order['total'] - (int) $order['refundedAmount'];
        if ($amount !== null && ($amount <= 0 || $amount > $left)) {
            throw ProtocolError::validation([new FieldError('amount_too_large', 'amount', ['max' => $left])]);
        }
        $wanted = $amount ?? $left;
        $provider = $ctx->provider((string) $order['provider']);
        $refundId = 'manual_' . ((int) $order['refundedAmount'] + $wanted);
        $refunded = $wanted;
        if ($provider instanceof Refunder && !empty($order['providerRef'])) {
            try {
                $done = $provider->refund(
                    (string) ($order['paymentRef'] ?? $order['providerRef']),
                    $amount === null ? null : $wanted,
                    'refund_' . $order['id'] . '_' . ((int) $order['refundedAmount'] + $wanted)
                );
                $refundId = $done['refundId'];
                $refunded = $done['amount'];
            } catch (\Throwable $e) {
                $ctx->log->log('warning', 'refund refused by the provider', ['orderId' => $orderId, 'provider' => $provider->id(), 'reason' => $e->getMessage()]);
                throw new ProtocolError('provider_error', [], null, [], null, true);
            }
        } elseif ($order['provider'] !== 'offline') {
            throw new ProtocolError('provider_not_available');
        }
        $result = OrderUpdates::apply($ctx, ['orderId' => $orderId], ['source' => 'admin', 'id' => 'refund_' . $refundId], static function (array $current) use ($refunded, $refundId): array {
            return EventDecisions::refund($current, (int) $current['refundedAmount'] + $refunded, [
                'note' => ['source' => 'admin', 'action' => 'refunded', 'detail' => $refunded . ' (' . $refundId . ')'],
            ]);
        });
        return self::outcome($ctx, $orderId, $result);
    }

    /**
     * The orders list of the back-office, newest first (filters: formId, status, kind, provider, search, from, to).
     * @param array<string, string> $filter
     * @return array{orders: array<int, array<string, mixed>>, total: int}
     */
    public static function list(OrdersContext $ctx, array $filter, int $limit = 50, int $offset = 0): array
    {
        return ['orders' => $ctx->storage->listOrders($filter, $limit, $offset), 'total' => $ctx->storage->countOrders($filter)];
    }
}
