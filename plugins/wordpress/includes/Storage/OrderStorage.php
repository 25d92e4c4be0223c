<?php
/**
 * The adapter's Storage port on custom tables through $wpdb: orders kept whole as JSON beside the columns the
 * queries need, money in integer columns, seats as rows per order and ticket type.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Reservations;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Protocol\Json;
use Guichet\Adapter\Storage\OrderFilter;
use Guichet\Adapter\Storage\OrderFilterClauses;

defined('ABSPATH') || exit;

final class OrderStorage implements Storage
{
    private Database $db;
    private string $orders;
    private string $seats;
    private string $forms;
    private string $events;
    private string $keys;

    public function __construct(Database $db)
    {
        $this->db = $db;
        $this->orders = Schema::table('orders');
        $this->seats = Schema::table('seats');
        $this->forms = Schema::table('forms');
        $this->events = Schema::table('events');
        $this->keys = Schema::table('idempotency');
    }

    public function transaction(callable $work)
    {
        return $this->db->transaction($work);
    }

    public function insertOrder(array $order): void
    {
        $this->db->insert($this->orders, ['id' => (string) $order['id']] + $this->columns($order) + [
            'form_id' => (string) $order['formId'],
            'kind' => (string) $order['kind'],
            'currency' => (string) $order['currency'],
            'provider' => (string) $order['provider'],
            'created_at' => (string) $order['createdAt'],
        ]);
    }

    public function findOrder(string $orderId): ?array
    {
        return $this->decode($this->db->value("SELECT data FROM {$this->orders} WHERE id = %s", [$orderId]));
    }

    public function findOrderByProviderRef(string $provider, string $providerRef): ?array
    {
        return $this->decode($this->db->value(
            "SELECT data FROM {$this->orders} WHERE provider = %s AND (provider_ref = %s OR payment_ref = %s OR subscription_ref = %s)
             ORDER BY created_at DESC LIMIT 1",
            [$provider, $providerRef, $providerRef, $providerRef]
        ));
    }

    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        return (bool) $this->transaction(function () use ($orderId, $changes, $expectedStatus): bool {
            // The row lock (MySQL) or the write lock (SQLite) makes the status check and the write one step.
            $order = $this->decode($this->db->value("SELECT data FROM {$this->orders} WHERE id = %s FOR UPDATE", [$orderId]));
            if ($order === null || ($expectedStatus !== null && $order['status'] !== $expectedStatus)) {
                return false;
            }
            $this->db->update($this->orders, $this->columns(array_merge($order, $changes)), ['id' => $orderId]);
            return true;
        });
    }

    public function listOrders(array $filter, int $limit, int $offset): array
    {
        [$where, $params] = $this->where($filter);
        $params[] = max(0, $limit);
        $params[] = max(0, $offset);
        $rows = $this->db->rows("SELECT data FROM {$this->orders}{$where} ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d", $params);
        return $this->decodeAll($rows);
    }

    public function countOrders(array $filter): int
    {
        [$where, $params] = $this->where($filter);
        return (int) $this->db->value("SELECT COUNT(*) FROM {$this->orders}{$where}", $params);
    }

    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array
    {
        return $this->decodeAll($this->db->rows(
            "SELECT data FROM {$this->orders} WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at <= %s
             ORDER BY expires_at LIMIT %d",
            [Instant::format($now), $limit]
        ));
    }

    public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        return $this->transaction(function () use ($formId, $orderId, $items, $expiresAt, $now): array {
            // One buyer at a time per form: the form's row lock on MySQL; SQLite's write lock is already held.
            $this->db->value("SELECT id FROM {$this->forms} WHERE id = %s FOR UPDATE", [$formId]);
            $shortfalls = [];
            foreach ($items as $typeId => $item) {
                $count = $this->count($formId, (string) $typeId, $now) + ['quota' => $item['quota']];
                if (!Reservations::canHold($count, (int) $item['quantity'], $now)) {
                    $shortfalls[] = ['typeId' => (string) $typeId, 'available' => (int) Reservations::availableSeats($count, $now)];
                }
            }
            if ($shortfalls !== []) {
                return $shortfalls;
            }
            foreach ($items as $typeId => $item) {
                $this->db->insert($this->seats, [
                    'order_id' => $orderId,
                    'form_id' => $formId,
                    'type_id' => (string) $typeId,
                    'quantity' => (int) $item['quantity'],
                    'state' => 'held',
                    'expires_at' => Instant::format($expiresAt),
                ]);
            }
            return [];
        });
    }

    /** @return array{sold: int, holds: array<int, array{quantity: int, expiresAt: string}>} */
    private function count(string $formId, string $typeId, \DateTimeImmutable $now): array
    {
        $sold = (int) $this->db->value(
            "SELECT COALESCE(SUM(quantity), 0) FROM {$this->seats} WHERE form_id = %s AND type_id = %s AND state = 'sold'",
            [$formId, $typeId]
        );
        $holds = array_map(static function (array $row): array {
            return ['quantity' => (int) $row['quantity'], 'expiresAt' => (string) $row['expires_at']];
        }, $this->db->rows(
            "SELECT quantity, expires_at FROM {$this->seats} WHERE form_id = %s AND type_id = %s AND state = 'held' AND expires_at > %s",
            [$formId, $typeId, Instant::format($now)]
        ));
        return ['sold' => $sold, 'holds' => $holds];
    }

    public function confirmSeats(string $orderId): void
    {
        $this->db->exec("UPDATE {$this->seats} SET state = 'sold', expires_at = NULL WHERE order_id = %s AND state <> 'sold'", [$orderId]);
    }

    public function releaseSeats(string $orderId): void
    {
        $this->db->exec("UPDATE {$this->seats} SET state = 'released' WHERE order_id = %s AND state <> 'released'", [$orderId]);
    }

    public function seatCounts(string $formId, \DateTimeImmutable $now): array
    {
        $rows = $this->db->rows(
            "SELECT type_id,
                    COALESCE(SUM(CASE WHEN state = 'sold' THEN quantity END), 0) AS sold,
                    COALESCE(SUM(CASE WHEN state = 'held' AND expires_at > %s THEN quantity END), 0) AS held
             FROM {$this->seats} WHERE form_id = %s GROUP BY type_id",
            [Instant::format($now), $formId]
        );
        $out = [];
        foreach ($rows as $row) {
            $out[(string) $row['type_id']] = ['sold' => (int) $row['sold'], 'held' => (int) $row['held']];
        }
        return $out;
    }

    public function promoCodeUses(string $formId, string $code): int
    {
        return (int) $this->db->value(
            "SELECT COUNT(*) FROM {$this->orders} WHERE form_id = %s AND LOWER(promo_code) = %s AND status IN ('pending', 'paid')",
            [$formId, strtolower($code)]
        );
    }

    public function promoCodeUsesForUpdate(string $formId, string $code): int
    {
        // The form's row lock that holdSeats takes (MySQL, until the order's transaction ends); SQLite's write
        // lock is already held. READ COMMITTED then counts the orders committed while this one waited.
        $this->db->value("SELECT id FROM {$this->forms} WHERE id = %s FOR UPDATE", [$formId]);
        return $this->promoCodeUses($formId, $code);
    }

    public function raisedAmount(string $formId): int
    {
        return (int) $this->db->value(
            "SELECT COALESCE(SUM(total - refunded_amount), 0) FROM {$this->orders} WHERE form_id = %s AND status = 'paid'",
            [$formId]
        );
    }

    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        return $this->db->insert($this->events, [
            'provider' => $provider,
            'event_id' => $eventId,
            'processed_at' => Instant::format($at),
        ], true) === 1;
    }

    public function findIdempotentResponse(string $key): ?array
    {
        $rows = $this->db->rows("SELECT request_hash, response FROM {$this->keys} WHERE idempotency_key = %s", [$key]);
        if ($rows === []) {
            return null;
        }
        $response = $rows[0]['response'];
        return [
            'requestHash' => (string) $rows[0]['request_hash'],
            'response' => $response === null ? null : json_decode((string) $response, true),
        ];
    }

    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        return $this->db->insert($this->keys, [
            'idempotency_key' => $key,
            'request_hash' => $requestHash,
            'response' => null,
            'created_at' => Instant::format($at),
        ], true) === 1;
    }

    public function completeIdempotencyKey(string $key, array $response): void
    {
        $this->db->update($this->keys, ['response' => Json::encode($response)], ['idempotency_key' => $key]);
    }

    /**
     * The columns that follow an order's mutable fields.
     * @param array<string, mixed> $order
     * @return array<string, mixed>
     */
    private function columns(array $order): array
    {
        return [
            'status' => (string) $order['status'],
            'total' => (int) $order['total'],
            'refunded_amount' => (int) ($order['refundedAmount'] ?? 0),
            'provider_ref' => $order['providerRef'] ?? null,
            'payment_ref' => $order['paymentRef'] ?? null,
            'subscription_ref' => $order['subscriptionRef'] ?? null,
            'promo_code' => $order['promoCode'] ?? null,
            'search' => OrderFilter::searchText($order),
            'expires_at' => $order['expiresAt'] ?? null,
            'data' => Json::encode($order),
        ];
    }

    /**
     * @param mixed $json
     * @return array<string, mixed>|null
     */
    private function decode($json): ?array
    {
        return is_string($json) ? json_decode($json, true) : null;
    }

    /**
     * @param array<int, array<string, mixed>> $rows
     * @return array<int, array<string, mixed>>
     */
    private function decodeAll(array $rows): array
    {
        return array_values(array_filter(array_map(function (array $row): ?array {
            return $this->decode($row['data']);
        }, $rows)));
    }

    /**
     * @param array<string, string> $filter
     * @return array{0: string, 1: array<int, string>}
     */
    private function where(array $filter): array
    {
        $wpdb = $this->db->wpdb();
        return OrderFilterClauses::where($filter, '%s', static function (string $text) use ($wpdb): string {
            return $wpdb->esc_like($text);
        });
    }
}
