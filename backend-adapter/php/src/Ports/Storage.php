<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Everything the adapter keeps, as the host stores it (custom tables with $wpdb, SPIP's sql_* API, PDO…).
 * Reference implementations: Storage\MemoryStorage and Storage\SqliteStorage. A host proves its own by extending
 * tests/Storage/StorageContractTestCase.php (PHPUnit; it needs only autoload.php) with a storage factory.
 *
 * An order is an associative array: id, formId, kind, status, currency, lines, total, refundedAmount,
 * recurring, provider, providerRef, paymentRef, subscriptionRef, offlineMethod, payer, locale, reference, promoCode, taxEligibleAmount,
 * tokenHash, createdAt, updatedAt, paidAt, expiresAt, checkedAt, failureCode, members, tickets, next, history,
 * request (instants as RFC 3339
 * UTC text with milliseconds, Domain\Instant::format: compared as text). Hosts persist it whole (a JSON column
 * is fine) and index the fields used by the queries below.
 */
interface Storage
{
    /**
     * Runs $work as one atomic unit (a database transaction that takes the write lock at its start) and
     * returns its result; an exception rolls everything back and is rethrown. A nested call joins the outer unit.
     * @return mixed
     */
    public function transaction(callable $work);

    /** @param array<string, mixed> $order */
    public function insertOrder(array $order): void;

    /** @return array<string, mixed>|null */
    public function findOrder(string $orderId): ?array;

    /**
     * The order of $provider whose providerRef, paymentRef or subscriptionRef is $providerRef (events about
     * refunds, disputes and renewals may name only the payment or the subscription).
     * @return array<string, mixed>|null
     */
    public function findOrderByProviderRef(string $provider, string $providerRef): ?array;

    /**
     * Merges $changes into the order. With $expectedStatus, writes only if the order still has that status
     * (compare-and-set), so two requests can never both move it.
     * @param array<string, mixed> $changes
     */
    public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool;

    /**
     * Newest first. Filter keys (all optional; an empty value filters nothing): formId, status, kind, provider,
     * search (case-insensitive fragment of the email, a name, or the order id; % and _ are plain characters),
     * from / to (createdAt bounds, from included, to excluded).
     * @param array<string, string> $filter
     * @return array<int, array<string, mixed>>
     */
    public function listOrders(array $filter, int $limit, int $offset): array;

    /** @param array<string, string> $filter */
    public function countOrders(array $filter): int;

    /**
     * Pending orders whose expiresAt has passed, oldest first (for the expiry sweep).
     * @return array<int, array<string, mixed>>
     */
    public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array;

    /**
     * Holds seats for an order ATOMICALLY: either every item is held, or none is and the shortfalls are
     * returned (at least one short type, each with the seats it has left). Availability follows Domain\Reservations (quota − sold − active holds); a null quota is unlimited.
     * Implementations must make two concurrent calls unable to sell the same seat (a write lock, SELECT … FOR
     * UPDATE on a per-form row, or a conditional UPDATE of a counter).
     * @param array<string, array{quantity: int, quota: int|null}> $items typeId => request
     * @return array<int, array{typeId: string, available: int}> empty when the seats are held
     */
    public function holdSeats(
        string $formId,
        string $orderId,
        array $items,
        \DateTimeImmutable $expiresAt,
        \DateTimeImmutable $now
    ): array;

    /**
     * The order's seats become sold (payment succeeded). Released seats are sold again too: a payment that
     * arrives after its hold lapsed took real money, which must be recorded with its seats.
     */
    public function confirmSeats(string $orderId): void;

    /** The order's seats, held or sold, are free again (failure, expiry, refund). */
    public function releaseSeats(string $orderId): void;

    /**
     * Seats per ticket type of a form: sold, and holds still active at $now.
     * @return array<string, array{sold: int, held: int}>
     */
    public function seatCounts(string $formId, \DateTimeImmutable $now): array;

    /** Orders of the form that used $code and are pending or paid. */
    public function promoCodeUses(string $formId, string $code): int;

    /**
     * The same count, taken inside the order's transaction before its insertOrder, under a lock that the same
     * call in any other transaction waits for until this one ends (the write lock the transaction took at its
     * start, or SELECT … FOR UPDATE on the per-form row that holdSeats locks): no other order with the code can
     * be inserted between this count and the caller's insert, so a code is never used more than its maxUses.
     */
    public function promoCodeUsesForUpdate(string $formId, string $code): int;

    /** Sum of (total − refundedAmount) of the form's paid orders: the donation goal's progress. */
    public function raisedAmount(string $formId): int;

    /** Records a provider event id; false when it was already recorded (the event must then change nothing). */
    public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool;

    /**
     * What is known of an Idempotency-Key: the hash of the request that first used it, and its answer (null
     * while that first request is still talking to the provider).
     * @return array{requestHash: string, response: array<string, mixed>|null}|null
     */
    public function findIdempotentResponse(string $key): ?array;

    /** Takes a key for a request (inside the order's transaction); false when the key is already taken. */
    public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool;

    /**
     * Stores the answer of the request that holds the key.
     * @param array<string, mixed> $response
     */
    public function completeIdempotencyKey(string $key, array $response): void;
}
