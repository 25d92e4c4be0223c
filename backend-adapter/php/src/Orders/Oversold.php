<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;

/**
 * Seats sold past a quota, told in the order's history for the treasurer (storage/sql-stock.ts moveSeats): a
 * payment that lands after its seats went back on sale (a declined card, then another card; a lapsed hold)
 * took real money, so its seats are sold anyway, and someone must know the room is over its quota.
 */
final class Oversold
{
    /**
     * One history note per ticket type of the order now sold beyond its quota.
     * @param array<string, mixed> $order
     * @return array<int, array<string, string>>
     */
    public static function notes(OrdersContext $ctx, array $order, \DateTimeImmutable $now): array
    {
        $typeIds = array_unique(array_map(static function (array $ticket): string {
            return (string) $ticket['typeId'];
        }, $order['tickets'] ?? []));
        if ($typeIds === []) {
            return [];
        }
        sort($typeIds);
        $form = $ctx->forms->findForm((string) $order['formId']);
        $counts = $ctx->storage->seatCounts((string) $order['formId'], $now);
        $notes = [];
        foreach ($typeIds as $typeId) {
            $type = $form === null ? null : TicketTypes::find($form, $typeId);
            $sold = $counts[$typeId]['sold'] ?? 0;
            if ($type !== null && isset($type['quota']) && $sold > (int) $type['quota']) {
                $notes[] = ['source' => 'system', 'action' => 'oversold', 'detail' => $typeId . ': ' . $sold . '/' . (int) $type['quota'], 'at' => Instant::format($now)];
            }
        }
        return $notes;
    }
}
