<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\Json;

/**
 * Orders kept whole as JSON beside the columns the queries need (status, money in INTEGER columns, provider
 * references, a lowercase search text), and the figures read from them.
 */
final class SqliteOrders
{
    public static function insertOrder(SqliteConnection $db, array $order): void
    {
        $db->run(
            'INSERT INTO guichet_orders (id, form_id, kind, status, currency, total, refunded_amount, provider,
               provider_ref, payment_ref, subscription_ref, promo_code, search, created_at, expires_at, data)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
                $order['id'], $order['formId'], $order['kind'], $order['status'], $order['currency'],
                (int) $order['total'], (int) $order['refundedAmount'], $order['provider'],
                $order['providerRef'] ?? null, $order['paymentRef'] ?? null, $order['subscriptionRef'] ?? null,
                $order['promoCode'] ?? null, OrderFilter::searchText($order),
                $order['createdAt'], $order['expiresAt'] ?? null, Json::encode($order),
            ]
        );
    }

    public static function findOrder(SqliteConnection $db, string $orderId): ?array
    {
        return $db->one('SELECT data FROM guichet_orders WHERE id = ?', [$orderId]);
    }

    public static function findOrderByProviderRef(SqliteConnection $db, string $provider, string $providerRef): ?array
    {
        return $db->one(
            'SELECT data FROM guichet_orders WHERE provider = ? AND (provider_ref = ? OR payment_ref = ? OR subscription_ref = ?)
             ORDER BY created_at DESC LIMIT 1',
            [$provider, $providerRef, $providerRef, $providerRef]
        );
    }

    public static function updateOrder(SqliteConnection $db, string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        return (bool) $db->transaction(function () use ($db, $orderId, $changes, $expectedStatus): bool {
            $order = self::findOrder($db, $orderId);
            if ($order === null || ($expectedStatus !== null && $order['status'] !== $expectedStatus)) {
                return false;
            }
            $order = array_merge($order, $changes);
            $sql = 'UPDATE guichet_orders SET status = ?, total = ?, refunded_amount = ?, provider_ref = ?, payment_ref = ?,
                      subscription_ref = ?, promo_code = ?, search = ?, expires_at = ?, data = ? WHERE id = ?';
            $params = [
                $order['status'], (int) $order['total'], (int) $order['refundedAmount'], $order['providerRef'] ?? null,
                $order['paymentRef'] ?? null, $order['subscriptionRef'] ?? null, $order['promoCode'] ?? null, OrderFilter::searchText($order), $order['expiresAt'] ?? null, Json::encode($order),
                $orderId,
            ];
            if ($expectedStatus !== null) {
                $sql .= ' AND status = ?';
                $params[] = $expectedStatus;
            }
            return $db->run($sql, $params)->rowCount() === 1;
        });
    }

    public static function listOrders(SqliteConnection $db, array $filter, int $limit, int $offset): array
    {
        [$where, $params] = self::where($filter);
        $params[] = max(0, $limit);
        $params[] = max(0, $offset);
        $rows = $db->run(
            'SELECT data FROM guichet_orders' . $where . ' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
            $params
        )->fetchAll(\PDO::FETCH_COLUMN);
        return array_map(static function (string $json): array {
            return json_decode($json, true);
        }, $rows);
    }

    public static function countOrders(SqliteConnection $db, array $filter): int
    {
        [$where, $params] = self::where($filter);
        return (int) $db->run('SELECT COUNT(*) FROM guichet_orders' . $where, $params)->fetchColumn();
    }

    public static function expiredPendingOrders(SqliteConnection $db, \DateTimeImmutable $now, int $limit): array
    {
        $rows = $db->run(
            "SELECT data FROM guichet_orders WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= ?
             ORDER BY expires_at LIMIT ?",
            [Instant::format($now), $limit]
        )->fetchAll(\PDO::FETCH_COLUMN);
        return array_map(static function (string $json): array {
            return json_decode($json, true);
        }, $rows);
    }

    public static function promoCodeUses(SqliteConnection $db, string $formId, string $code): int
    {
        return (int) $db->run(
            "SELECT COUNT(*) FROM guichet_orders WHERE form_id = ? AND promo_code = ? COLLATE NOCASE
             AND status IN ('pending', 'paid')",
            [$formId, $code]
        )->fetchColumn();
    }

    public static function raisedAmount(SqliteConnection $db, string $formId): int
    {
        return (int) $db->run(
            "SELECT COALESCE(SUM(total - refunded_amount), 0) FROM guichet_orders WHERE form_id = ? AND status = 'paid'",
            [$formId]
        )->fetchColumn();
    }

    /**
     * @param array<string, string> $filter
     * @return array{0: string, 1: array<int, string>}
     */
    private static function where(array $filter): array
    {
        return OrderFilterClauses::where($filter, '?', static function (string $text): string {
            return addcslashes($text, '%_\\');
        }, " ESCAPE '\\'");
    }
}
