<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;

/**
 * Applies one decision to one order atomically (the PHP twin of the TS storage's apply): finds the order,
 * records the operation id once, asks $decide, writes the change and moves seats, all in one transaction.
 */
final class OrderUpdates
{
    /**
     * @param array{orderId?: string, provider?: string, ref?: string} $target
     * @param array{source: string, id: string}|null $once applied at most once per (source, id)
     * @param callable $decide fn(array $order): array decision (see EventDecisions)
     * @return array{type: string, order?: array<string, mixed>, decision?: array<string, mixed>}
     *         type: applied | duplicate | order_not_found
     */
    public static function apply(OrdersContext $ctx, array $target, ?array $once, callable $decide): array
    {
        $now = $ctx->clock->now();
        $result = $ctx->storage->transaction(static function () use ($ctx, $target, $once, $decide, $now): array {
            $order = isset($target['orderId'])
                ? $ctx->storage->findOrder($target['orderId'])
                : $ctx->storage->findOrderByProviderRef((string) $target['provider'], (string) $target['ref']);
            if ($order === null) {
                return ['type' => 'order_not_found'];
            }
            if ($once !== null && !$ctx->storage->markEventProcessed($once['source'], $once['id'], $now)) {
                return ['type' => 'duplicate', 'order' => $order];
            }
            $decision = $decide($order);
            if ($decision['type'] !== 'change') {
                return ['type' => 'applied', 'order' => $order, 'decision' => $decision];
            }
            $change = $decision['change'];
            $seats = $change['seats'] ?? null;
            $note = $change['note'] ?? null;
            unset($change['seats'], $change['note']);
            $change['updatedAt'] = Instant::format($now);
            if ($note !== null) {
                $history = $order['history'] ?? [];
                $history[] = $note + ['at' => Instant::format($now)];
                $change['history'] = $history;
            }
            if (!$ctx->storage->updateOrder($order['id'], $change, $order['status'])) {
                throw new \RuntimeException('Order ' . $order['id'] . ' changed under us');
            }
            if ($seats === 'sell') {
                $ctx->storage->confirmSeats($order['id']);
                $oversold = Oversold::notes($ctx, $order, $now);
                if ($oversold !== []) {
                    $change['history'] = array_merge($change['history'] ?? $order['history'] ?? [], $oversold);
                    $ctx->storage->updateOrder($order['id'], ['history' => $change['history']], $change['status'] ?? $order['status']);
                }
            } elseif ($seats === 'release' || $seats === 'return') {
                $ctx->storage->releaseSeats($order['id']);
            }
            return ['type' => 'applied', 'order' => array_merge($order, $change), 'decision' => $decision, 'before' => $order['status'], 'refundedBefore' => (int) ($order['refundedAmount'] ?? 0)];
        });
        if ($result['type'] === 'applied' && $result['decision']['type'] === 'change') {
            if ($result['order']['status'] !== $result['before']) {
                $ctx->notify($result['order']['status'], $result['order']);
            } elseif ((int) ($result['order']['refundedAmount'] ?? 0) > (int) ($result['refundedBefore'] ?? 0)) {
                // The order stays paid; tax receipts still need to follow the amount given back.
                $ctx->notify('partially_refunded', $result['order']);
            }
        }
        return $result;
    }
}
