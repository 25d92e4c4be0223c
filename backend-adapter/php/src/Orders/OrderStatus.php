<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\ProtocolError;

/**
 * GET {base}/orders/{id}?token=… (orders/order-status.ts): the order as its payer may see it; a pending order
 * is refreshed from its provider now and then and expired when due.
 */
final class OrderStatus
{
    /** A confirmation page polls; the provider is asked at most this often per pending order. */
    private const REFRESH_EVERY_SECONDS = 10;

    /**
     * @param callable|null $receipt fn(string $orderId): ?array{number, url} — the order's tax receipt, when the host issues them
     * @return array<string, mixed> OrderStatus
     */
    public static function read(OrdersContext $ctx, string $orderId, string $token, string $locale, ?callable $receipt = null): array
    {
        $order = $ctx->storage->findOrder($orderId);
        // An unknown id and a wrong token answer alike, so ids cannot be probed.
        if ($order === null || !Secrets::matchesHash($token, (string) $order['tokenHash'])) {
            throw new ProtocolError('invalid_token');
        }
        if ($order['status'] === 'pending') {
            $now = $ctx->clock->now();
            if ($order['expiresAt'] !== null && Instant::millis(Instant::of($order['expiresAt'])) <= Instant::millis($now)) {
                Reconcile::expire($ctx, $order);
            } elseif ($order['checkedAt'] === null || $now->getTimestamp() - Instant::of($order['checkedAt'])->getTimestamp() >= self::REFRESH_EVERY_SECONDS) {
                Reconcile::order($ctx, $order);
            }
            $order = $ctx->storage->findOrder($orderId) ?? $order;
        }
        // A pending order has no receipt yet: no lookup on every poll of the confirmation page.
        $issued = $receipt === null || $order['status'] === 'pending' ? null : $receipt((string) $order['id']);
        return OrderView::status($order, $locale, $ctx->forms->findForm($order['formId']), $ctx->catalogue, $issued);
    }
}
