<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\Simulation\CardSimulator;

/**
 * POST {base}/simulation/{orderId}/confirm|challenge (orders/simulation.ts): the widget plays the payer at a
 * card terminal; the simulation's events are applied like any webhook's.
 */
final class SimulatePayment
{
    /**
     * @param array{type: string, card?: string, approve?: bool} $step
     * @param string|null $locale the reader's language; null: the order's own (the payer's, not the site's)
     * @param callable|null $receipt fn(string $orderId): ?array{number, url} — as OrderStatus::read: the tax receipt
     *        a payment just earned, so the confirmation screen offers it at once
     * @return array<string, mixed> SimulationResult
     */
    public static function run(OrdersContext $ctx, string $orderId, string $clientSecret, array $step, ?string $locale, ?callable $receipt = null): array
    {
        $simulator = $ctx->provider('simulation');
        if (!$simulator instanceof CardSimulator) {
            throw new ProtocolError('order_not_found');
        }
        $order = $ctx->storage->findOrder($orderId);
        if ($order === null || $order['provider'] !== 'simulation') {
            throw new ProtocolError('order_not_found');
        }
        $locale = $locale ?? (string) ($order['locale'] ?? $ctx->settings->defaultLocale());
        $now = $ctx->clock->now();
        if ($order['status'] === 'pending' && $order['expiresAt'] !== null && Instant::millis(Instant::of($order['expiresAt'])) <= Instant::millis($now)) {
            Reconcile::expire($ctx, $order);
        }
        $current = $ctx->storage->findOrder($orderId) ?? $order;
        if ($current['status'] === 'paid') {
            // A retry after a lost answer: the payment went through already, nothing is charged again.
            return self::result($ctx, $current, 'succeeded', $locale, $receipt);
        }
        // A card is only taken while the order can still be paid: its seats are no longer held after that.
        if ($current['status'] !== 'pending' && $current['status'] !== 'failed') {
            throw new ProtocolError('illegal_transition', ['from' => $current['status'], 'to' => 'paid']);
        }
        try {
            $answer = $step['type'] === 'confirm'
                ? $simulator->confirm($clientSecret, (string) $step['card'], $now)
                : $simulator->challenge($clientSecret, (bool) $step['approve'], $now);
        } catch (ProviderError $e) {
            throw new ProtocolError('bad_request', [], 'clientSecret');
        }
        if ($answer['orderId'] !== $orderId) {
            throw new ProtocolError('bad_request', [], 'clientSecret');
        }
        ApplyEvents::run($ctx, 'simulation', $answer['events']);
        if ($answer['events'] === []) {
            OrderUpdates::apply($ctx, ['orderId' => $orderId], null, static function () use ($answer): array {
                return ['type' => 'change', 'change' => ['providerRef' => $answer['providerRef'], 'note' => ['source' => 'provider', 'action' => $answer['outcome']]]];
            });
        }
        $after = $ctx->storage->findOrder($orderId) ?? $current;
        return self::result($ctx, $after, $answer['outcome'], $locale, $receipt);
    }

    /**
     * @param array<string, mixed> $order
     * @return array<string, mixed> SimulationResult
     */
    private static function result(OrdersContext $ctx, array $order, string $outcome, string $locale, ?callable $receipt): array
    {
        $issued = $receipt === null || $order['status'] !== 'paid' ? null : $receipt((string) $order['id']);
        $result = [
            'outcome' => $outcome,
            'order' => OrderView::status($order, $locale, $ctx->forms->findForm($order['formId']), $ctx->catalogue, $issued),
        ];
        if ($outcome === 'requires_action') {
            $result['challengeUrl'] = $ctx->settings->apiBaseUrl() . '/simulation/' . rawurlencode((string) $order['id']) . '/challenge';
        }
        return $result;
    }
}
