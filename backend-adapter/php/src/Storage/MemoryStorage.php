<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Reservations;
use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Ports\Storage;

/** Storage in PHP arrays, for tests and one-request tools. A failed transaction restores the previous state. */
final class MemoryStorage implements Storage, FormRepository
{
    /** @var array<string, array<string, mixed>> */
    private array $orders = [];
    /** @var array<int, array{orderId: string, formId: string, typeId: string, quantity: int, state: string, expiresAt: string|null}> */
    private array $seats = [];
    /** @var array<string, true> */
    private array $events = [];
    /** @var array<string, array{requestHash: string, response: array<string, mixed>|null}> */
    private array $idempotency = [];
    /** @var array<string, array<string, mixed>> */
    private array $forms = [];
    private int $depth = 0;

    /** @param array<string, mixed> $config */
    public function saveForm(array $config): void
    {
        $this->forms[(string) $config['id']] = $config;
    }

    public function findForm(string $formId): ?array
    {
        return $this->forms[$formId] ?? null;
    }

    public function transaction(callable $work)
    {
        if ($this->depth > 0) {
            return $work();
        }
        $snapshot = [$this->orders, $this->seats, $this->events, $this->idempotency];
        $this->depth++;
        try {
            $result = $work();
            $this->depth--;
            return $result;
        } catch (\Throwable $e) {
            $this->depth--;
            [$this->orders, $this->seats, $this->events, $this->idempotency] = $snapshot;
            throw $e;
        }
    }

    public function insertOrder(array $order): void
    {
        if (isset($this->orders[$order['id']])) {
            throw new \RuntimeException('Duplicate order id ' . $order['id']);
        }
        $this->orders[$order['id']] = $order;
    }

    public function findOrder(string $orderId): ?array
    {
        return $this->orders[$orderId] ?? null;
    }

    public function findOrderByProviderRef(string $provider, string $providerRef): ?array
    {
        foreach ($this->orders as $order) {
            $refs = [$order['providerRef'] ?? null, $order['paymentRef'] ?? null, $order['subscriptionRef'] ?? null];
            if ($order['provider'] === $provider && in_array($providerRef, $refs, true)) {
                return $order;
            }
        }
        return null;
    }

    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool
    {
        if (!isset($this->orders[$orderId])) {
            return false;
        }
        if ($expectedStatus !== null && $this->orders[$orderId]['status'] !== $expectedStatus) {
            return false;
        }
        $this->orders[$orderId] = array_merge($this->orders[$orderId], $changes);
        return true;
    }

    public function listOrders(array $filter, int $limit, int $offset): array
    {
        return array_slice($this->filtered($filter), $offset, $limit);
    }

    public function countOrders(array $filter): int
    {
        return count($this->filtered($filter));
    }

    /** @param array<string, string> $filter @return array<int, array<string, mixed>> */
    private function filtered(array $filter): array
    {
        $found = array_values(array_filter($this->orders, static function (array $order) use ($filter): bool {
            return OrderFilter::matches($order, $filter);
        }));
        usort($found, static function (array $a, array $b): int {
            return strcmp($b['createdAt'], $a['createdAt']) ?: strcmp($b['id'], $a['id']);
        });
        return $found;
    }

    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array
    {
        $at = Instant::format($now);
        $found = array_values(array_filter($this->orders, static function (array $order) use ($at): bool {
            return $order['status'] === 'pending' && $order['expiresAt'] !== null && strcmp($order['expiresAt'], $at) <= 0;
        }));
        usort($found, static function (array $a, array $b): int {
            return strcmp($a['expiresAt'], $b['expiresAt']);
        });
        return array_slice($found, 0, $limit);
    }

    public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array
    {
        $counts = $this->counts($formId, array_keys($items));
        $shortfalls = [];
        foreach ($items as $typeId => $item) {
            $count = $counts[$typeId] + ['quota' => $item['quota']];
            if (!Reservations::canHold($count, (int) $item['quantity'], $now)) {
                $shortfalls[] = ['typeId' => (string) $typeId, 'available' => (int) Reservations::availableSeats($count, $now)];
            }
        }
        if ($shortfalls !== []) {
            return $shortfalls;
        }
        foreach ($items as $typeId => $item) {
            $this->seats[] = [
                'orderId' => $orderId,
                'formId' => $formId,
                'typeId' => (string) $typeId,
                'quantity' => (int) $item['quantity'],
                'state' => 'held',
                'expiresAt' => Instant::format($expiresAt),
            ];
        }
        return [];
    }

    /**
     * @param string[] $typeIds
     * @return array<string, array{sold: int, holds: array<int, array{quantity: int, expiresAt: string}>}>
     */
    private function counts(string $formId, array $typeIds): array
    {
        $counts = [];
        foreach ($typeIds as $typeId) {
            $counts[(string) $typeId] = ['sold' => 0, 'holds' => []];
        }
        foreach ($this->seats as $seat) {
            if ($seat['formId'] !== $formId || !isset($counts[$seat['typeId']])) {
                continue;
            }
            if ($seat['state'] === 'sold') {
                $counts[$seat['typeId']]['sold'] += $seat['quantity'];
            } elseif ($seat['state'] === 'held') {
                $counts[$seat['typeId']]['holds'][] = ['quantity' => $seat['quantity'], 'expiresAt' => (string) $seat['expiresAt']];
            }
        }
        return $counts;
    }

    public function confirmSeats(string $orderId): void
    {
        foreach ($this->seats as $i => $seat) {
            if ($seat['orderId'] === $orderId && $seat['state'] !== 'sold') {
                $this->seats[$i]['state'] = 'sold';
                $this->seats[$i]['expiresAt'] = null;
            }
        }
    }

    public function releaseSeats(string $orderId): void
    {
        foreach ($this->seats as $i => $seat) {
            if ($seat['orderId'] === $orderId && $seat['state'] !== 'released') {
                $this->seats[$i]['state'] = 'released';
            }
        }
    }

    public function seatCounts(string $formId, \DateTimeImmutable $now): array
    {
        $typeIds = [];
        foreach ($this->seats as $seat) {
            if ($seat['formId'] === $formId) {
                $typeIds[$seat['typeId']] = true;
            }
        }
        $out = [];
        foreach ($this->counts($formId, array_keys($typeIds)) as $typeId => $count) {
            $out[$typeId] = ['sold' => $count['sold'], 'held' => Reservations::activeHeld($count['holds'], $now)];
        }
        return $out;
    }

    /** One process, one array: the count and the insert that follows cannot be interleaved. */
    public function promoCodeUsesForUpdate(string $formId, string $code): int
    {
        return $this->promoCodeUses($formId, $code);
    }

    public function promoCodeUses(string $formId, string $code): int
    {
        $uses = 0;
        foreach ($this->orders as $order) {
            if ($order['formId'] === $formId && ($order['promoCode'] ?? null) !== null
                && strcasecmp($order['promoCode'], $code) === 0 && in_array($order['status'], ['pending', 'paid'], true)) {
                $uses++;
            }
        }
        return $uses;
    }

    public function raisedAmount(string $formId): int
    {
        $sum = 0;
        foreach ($this->orders as $order) {
            if ($order['formId'] === $formId && $order['status'] === 'paid') {
                $sum += (int) $order['total'] - (int) $order['refundedAmount'];
            }
        }
        return $sum;
    }

    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool
    {
        $key = $provider . "\0" . $eventId;
        if (isset($this->events[$key])) {
            return false;
        }
        $this->events[$key] = true;
        return true;
    }

    public function findIdempotentResponse(string $key): ?array
    {
        return $this->idempotency[$key] ?? null;
    }

    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool
    {
        if (isset($this->idempotency[$key])) {
            return false;
        }
        $this->idempotency[$key] = ['requestHash' => $requestHash, 'response' => null];
        return true;
    }

    public function completeIdempotencyKey(string $key, array $response): void
    {
        if (isset($this->idempotency[$key])) {
            $this->idempotency[$key]['response'] = $response;
        }
    }
}
