<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Providers\ProviderEvent;

/**
 * Applies verified provider events, each event id once (orders/apply-events.ts): a replay is reported as a
 * duplicate and changes nothing; events about orders this host does not know are acknowledged and logged.
 */
final class ApplyEvents
{
    /**
     * @param ProviderEvent[] $events
     * @return array<int, array{eventId: string, duplicate: bool, outcome: string}>
     */
    public static function run(OrdersContext $ctx, string $provider, array $events): array
    {
        $results = [];
        foreach ($events as $event) {
            $target = self::targetOf($event, $provider);
            $log = ['provider' => $provider, 'eventId' => $event->id, 'type' => $event->type];
            if ($target === null) {
                $ctx->log->log('warning', 'event names no order', $log);
                $results[] = ['eventId' => $event->id, 'duplicate' => false, 'outcome' => 'order_not_found'];
                continue;
            }
            $outcome = OrderUpdates::apply(
                $ctx,
                $target,
                ['source' => $provider, 'id' => $event->id],
                static function (array $order) use ($event, $provider): array {
                    return EventDecisions::decide($order, $event, $provider);
                }
            );
            $results[] = self::describe($event, $outcome);
            $log['outcome'] = $results[count($results) - 1]['outcome'];
            if ($outcome['type'] === 'order_not_found') {
                $ctx->log->log('warning', 'event for an unknown order', $log);
            } elseif ($outcome['type'] === 'applied' && $outcome['decision']['type'] === 'reject') {
                $ctx->log->log('warning', 'event refused by the state machine', $log + ['orderId' => $outcome['order']['id'], 'code' => $outcome['decision']['code']]);
            } else {
                $ctx->log->log('info', 'provider event', $log);
            }
        }
        return $results;
    }

    /** Our own id when the provider echoes it, else its references. @return array<string, string>|null */
    private static function targetOf(ProviderEvent $event, string $provider): ?array
    {
        if ($event->orderId !== null && $event->orderId !== '') {
            return ['orderId' => $event->orderId];
        }
        foreach ([$event->providerRef, $event->paymentRef, $event->subscriptionRef] as $ref) {
            if ($ref !== null && $ref !== '') {
                return ['provider' => $provider, 'ref' => $ref];
            }
        }
        return null;
    }

    /**
     * @param array<string, mixed> $outcome
     * @return array{eventId: string, duplicate: bool, outcome: string}
     */
    private static function describe(ProviderEvent $event, array $outcome): array
    {
        if ($outcome['type'] !== 'applied') {
            return ['eventId' => $event->id, 'duplicate' => $outcome['type'] === 'duplicate', 'outcome' => $outcome['type']];
        }
        $kind = $outcome['decision']['type'];
        return [
            'eventId' => $event->id,
            'duplicate' => $kind === 'ignore',
            'outcome' => $kind === 'change' ? 'changed' : ($kind === 'ignore' ? 'ignored' : 'rejected'),
        ];
    }
}
