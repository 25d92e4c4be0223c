<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Providers\Reconciler;

/**
 * Missed webhooks and lapsed holds (orders/reconcile.ts): a pending order is re-read at its provider and
 * expired when due, each applied once whoever runs it (a status poll, the host's cron).
 */
final class Reconcile
{
    /** @param array<string, mixed> $order */
    public static function order(OrdersContext $ctx, array $order): bool
    {
        $provider = $ctx->provider((string) $order['provider']);
        if (!$provider instanceof Reconciler || empty($order['providerRef'])) {
            return false;
        }
        $now = $ctx->clock->now();
        $ctx->storage->updateOrder($order['id'], ['checkedAt' => Instant::format($now)]);
        try {
            $events = $provider->reconcile((string) $order['providerRef'], $now);
            if ($events === []) {
                return false;
            }
            ApplyEvents::run($ctx, $provider->id(), $events);
            return true;
        } catch (\Throwable $e) {
            $ctx->log->log('warning', 'reconciliation failed; will retry', ['orderId' => $order['id'], 'provider' => $provider->id(), 'reason' => $e->getMessage()]);
            return false;
        }
    }

    /** The provider is asked first (the payment may have gone through), then the order expires. @param array<string, mixed> $order */
    public static function expire(OrdersContext $ctx, array $order): void
    {
        self::order($ctx, $order);
        OrderUpdates::apply($ctx, ['orderId' => $order['id']], ['source' => 'guichet', 'id' => 'expire_' . $order['id']], static function (array $current): array {
            return $current['status'] === 'pending'
                ? ['type' => 'change', 'change' => ['status' => 'expired', 'next' => null, 'seats' => 'release', 'note' => ['source' => 'system', 'action' => 'expired']]]
                : ['type' => 'ignore', 'reason' => 'already ' . $current['status']];
        });
    }

    /**
     * One pass of the host's scheduled job (WP-Cron, SPIP's genie): expire what is due.
     * @return array{expired: int}
     */
    public static function sweep(OrdersContext $ctx, int $batch = 100): array
    {
        $expired = 0;
        foreach ($ctx->storage->expiredPendingOrders($ctx->clock->now(), $batch) as $order) {
            self::expire($ctx, $order);
            $expired++;
        }
        return ['expired' => $expired];
    }
}
