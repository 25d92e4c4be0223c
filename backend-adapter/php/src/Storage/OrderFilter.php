<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

/** The back-office list filter of Storage::listOrders, applied to one order (MemoryStorage's query engine). */
final class OrderFilter
{
    /**
     * @param array<string, mixed> $order
     * @param array<string, string> $filter
     */
    public static function matches(array $order, array $filter): bool
    {
        foreach (['formId', 'status', 'kind', 'provider'] as $key) {
            if (isset($filter[$key]) && $filter[$key] !== '' && ($order[$key] ?? null) !== $filter[$key]) {
                return false;
            }
        }
        if (isset($filter['from']) && $filter['from'] !== '' && strcmp($order['createdAt'], $filter['from']) < 0) {
            return false;
        }
        if (isset($filter['to']) && $filter['to'] !== '' && strcmp($order['createdAt'], $filter['to']) >= 0) {
            return false;
        }
        if (isset($filter['search']) && $filter['search'] !== '') {
            if (strpos(self::searchText($order), strtolower($filter['search'])) === false) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a search looks in, lower-cased: the order id, the payer's e-mail and names, the reference (SQL
     * storages keep it in their `search` column).
     * @param array<string, mixed> $order
     */
    public static function searchText(array $order): string
    {
        return strtolower(implode(' ', [
            $order['id'],
            $order['payer']['email'] ?? '',
            $order['payer']['firstName'] ?? '',
            $order['payer']['lastName'] ?? '',
            $order['reference'] ?? '',
        ]));
    }
}
