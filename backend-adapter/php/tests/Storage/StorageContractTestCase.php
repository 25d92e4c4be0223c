<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Tests\Support\ConcurrentPhp;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/../Support/ConcurrentPhp.php';

/**
 * What every Ports\Storage must do, as PHPUnit cases a host runs against its own implementation: extend this
 * class, return a fresh empty storage from createStorage(), and (for the concurrency case) say how another PHP
 * process reaches the same data. It needs nothing but PHPUnit and the adapter's autoload.php:
 *
 *     require_once '…/backend-adapter/php/tests/Storage/StorageContractTestCase.php';
 *     final class MyStorageContractTest extends \Guichet\Adapter\Tests\Storage\StorageContractTestCase
 *     {
 *         protected function createStorage(): \Guichet\Adapter\Ports\Storage { return new MyStorage(…); }
 *     }
 *
 * Run here against MemoryStorage and SqliteStorage.
 */
abstract class StorageContractTestCase extends TestCase
{
    protected const NOW = '2026-06-15T10:00:00.000Z';

    /** A fresh, empty storage; called once per test. */
    abstract protected function createStorage(): Storage;

    /**
     * PHP code (no `<?php`) that, run by `php -r` in another process, sets `$storage` to a Storage on the same
     * data as the last createStorage() (autoloads included). Null: the storage lives in one process only, and
     * the concurrent-buyers case is skipped.
     */
    protected function storageInAnotherProcess(): ?string
    {
        return null;
    }

    /** storageInAnotherProcess() for the rushes, or the test is skipped: one process only, or none can start. */
    private function buyersBootstrap(): string
    {
        $bootstrap = $this->storageInAnotherProcess();
        if ($bootstrap === null) {
            self::markTestSkipped('This storage lives in one process: no concurrent buyers to run.');
        }
        $unavailable = ConcurrentPhp::unavailable();
        if ($unavailable !== null) {
            self::markTestSkipped($unavailable);
        }
        return $bootstrap;
    }

    protected static function instant(string $instant): \DateTimeImmutable
    {
        return new \DateTimeImmutable($instant);
    }

    protected static function now(): \DateTimeImmutable
    {
        return self::instant(self::NOW);
    }

    /**
     * An order as the orders service stores it (see Ports\Storage), with changes.
     * @param array<string, mixed> $changes
     * @return array<string, mixed>
     */
    protected static function order(string $id, array $changes = []): array
    {
        $payer = ['email' => 'camille.martin@example.fr', 'firstName' => 'Camille', 'lastName' => 'Martin'];
        return array_replace([
            'id' => $id,
            'formId' => 'concert',
            'kind' => 'tickets',
            'status' => 'pending',
            'currency' => 'EUR',
            'lines' => [['kind' => 'ticket', 'ref' => 'plein', 'label' => 'Plein tarif', 'unitAmount' => 1500, 'quantity' => 2, 'amount' => 3000]],
            'total' => 3000,
            'taxEligibleAmount' => 0,
            'refundedAmount' => 0,
            'recurring' => null,
            'provider' => 'stripe',
            'providerRef' => null,
            'paymentRef' => null,
            'subscriptionRef' => null,
            'offlineMethod' => null,
            'payer' => $payer,
            'locale' => 'fr',
            'reference' => 'G-' . strtoupper(substr(md5($id), 0, 8)),
            'promoCode' => null,
            'tokenHash' => hash('sha256', 'token-' . $id),
            'createdAt' => self::NOW,
            'updatedAt' => self::NOW,
            'paidAt' => null,
            'expiresAt' => '2026-06-15T10:30:00.000Z',
            'checkedAt' => null,
            'failureCode' => null,
            'members' => [],
            'tickets' => [
                ['id' => 'tkt_' . $id . '_1', 'typeId' => 'plein', 'position' => 0, 'firstName' => 'Camille', 'lastName' => 'Martin', 'code' => 'JARDIN-AAAA-0001', 'checkedInAt' => null],
                ['id' => 'tkt_' . $id . '_2', 'typeId' => 'plein', 'position' => 1, 'firstName' => null, 'lastName' => null, 'code' => 'JARDIN-AAAA-0002', 'checkedInAt' => null],
            ],
            'next' => null,
            'history' => [],
            'request' => [
                'kind' => 'tickets',
                'locale' => 'fr',
                'payment' => ['provider' => 'stripe'],
                'payer' => $payer,
                'tickets' => ['items' => [['typeId' => 'plein', 'quantity' => 2]]],
            ],
        ], $changes);
    }

    /** @param array<int, array<string, mixed>> $orders @return string[] */
    private static function ids(array $orders): array
    {
        return array_map(static function (array $order): string {
            return (string) $order['id'];
        }, $orders);
    }

    /** @param array<string, array{0: int, 1: int|null}> $wanted typeId => [quantity, quota] */
    private static function items(array $wanted): array
    {
        $items = [];
        foreach ($wanted as $typeId => [$quantity, $quota]) {
            $items[$typeId] = ['quantity' => $quantity, 'quota' => $quota];
        }
        return $items;
    }

    // Orders

    public function testAnOrderComesBackWholeAsItWasStored(): void
    {
        $storage = $this->createStorage();
        $order = self::order('ord_whole', [
            'next' => ['type' => 'redirect', 'url' => 'https://checkout.stripe.com/c/pay/cs_test_1'],
            'recurring' => ['interval' => 'month'],
            'history' => [['source' => 'system', 'action' => 'created', 'at' => self::NOW]],
        ]);
        $storage->insertOrder($order);
        self::assertEquals($order, $storage->findOrder('ord_whole'));
        self::assertNull($storage->findOrder('ord_unknown'));
    }

    public function testAnOrderIsFoundByItsSessionItsPaymentOrItsSubscriptionAtItsOwnProvider(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_refs', ['providerRef' => 'cs_1', 'paymentRef' => 'pi_1', 'subscriptionRef' => 'sub_1']));
        $storage->insertOrder(self::order('ord_other', ['providerRef' => 'cs_2']));
        foreach (['cs_1', 'pi_1', 'sub_1'] as $ref) {
            self::assertSame('ord_refs', $storage->findOrderByProviderRef('stripe', $ref)['id'] ?? null, $ref);
        }
        self::assertNull($storage->findOrderByProviderRef('simulation', 'cs_1'), 'another provider’s reference');
        self::assertNull($storage->findOrderByProviderRef('stripe', 'cs_unknown'));

        $storage->updateOrder('ord_other', ['paymentRef' => 'pi_2']);
        self::assertSame('ord_other', $storage->findOrderByProviderRef('stripe', 'pi_2')['id'] ?? null, 'a reference learnt later');
    }

    public function testAnUpdateMergesItsChangesIntoTheOrder(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_merge'));
        self::assertTrue($storage->updateOrder('ord_merge', ['providerRef' => 'cs_9', 'next' => ['type' => 'completed']]));
        $order = $storage->findOrder('ord_merge');
        self::assertSame(['cs_9', ['type' => 'completed'], 'pending', 3000], [$order['providerRef'], $order['next'], $order['status'], $order['total']]);
        self::assertFalse($storage->updateOrder('ord_unknown', ['status' => 'paid']));
    }

    public function testOnlyOneOfTwoMovesFromTheSameStatusWins(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_cas'));
        self::assertTrue($storage->updateOrder('ord_cas', ['status' => 'paid', 'paidAt' => self::NOW], 'pending'));
        self::assertFalse($storage->updateOrder('ord_cas', ['status' => 'expired', 'paidAt' => null], 'pending'));
        $order = $storage->findOrder('ord_cas');
        self::assertSame(['paid', self::NOW], [$order['status'], $order['paidAt']]);
        self::assertSame([], $storage->expiredPendingOrders(self::instant('2026-06-16T00:00:00.000Z'), 10), 'a paid order never expires');
    }

    public function testTheListIsNewestFirstFilteredAndPaged(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_a', ['createdAt' => '2026-06-01T09:00:00.000Z', 'status' => 'paid']));
        $storage->insertOrder(self::order('ord_b', ['createdAt' => '2026-06-02T09:00:00.000Z', 'formId' => 'don', 'kind' => 'donation']));
        $storage->insertOrder(self::order('ord_c', ['createdAt' => '2026-06-03T09:00:00.000Z', 'provider' => 'offline', 'offlineMethod' => 'cheque']));
        $storage->insertOrder(self::order('ord_d', ['createdAt' => '2026-06-04T09:00:00.000Z', 'status' => 'paid']));

        self::assertSame(['ord_d', 'ord_c', 'ord_b', 'ord_a'], self::ids($storage->listOrders([], 10, 0)));
        self::assertSame(['ord_c', 'ord_b'], self::ids($storage->listOrders([], 2, 1)));
        self::assertSame(4, $storage->countOrders([]));
        self::assertSame(['ord_d', 'ord_a'], self::ids($storage->listOrders(['status' => 'paid'], 10, 0)));
        self::assertSame(['ord_b'], self::ids($storage->listOrders(['formId' => 'don'], 10, 0)));
        self::assertSame(['ord_b'], self::ids($storage->listOrders(['kind' => 'donation'], 10, 0)));
        self::assertSame(['ord_c'], self::ids($storage->listOrders(['provider' => 'offline'], 10, 0)));
        self::assertSame(1, $storage->countOrders(['status' => 'paid', 'formId' => 'concert', 'provider' => 'stripe', 'from' => '2026-06-02T00:00:00.000Z']));
        self::assertSame(['ord_d', 'ord_c', 'ord_b', 'ord_a'], self::ids($storage->listOrders(['status' => '', 'search' => ''], 10, 0)), 'an empty value filters nothing');
    }

    public function testDateBoundsIncludeFromAndExcludeTo(): void
    {
        $storage = $this->createStorage();
        foreach (['ord_may' => '2026-05-31T23:59:59.000Z', 'ord_june1' => '2026-06-01T00:00:00.000Z', 'ord_june30' => '2026-06-30T12:00:00.000Z', 'ord_july' => '2026-07-01T00:00:00.000Z'] as $id => $createdAt) {
            $storage->insertOrder(self::order($id, ['createdAt' => $createdAt]));
        }
        $june = ['from' => '2026-06-01T00:00:00.000Z', 'to' => '2026-07-01T00:00:00.000Z'];
        self::assertSame(['ord_june30', 'ord_june1'], self::ids($storage->listOrders($june, 10, 0)));
        self::assertSame(2, $storage->countOrders($june));
    }

    public function testSearchFindsAnEmailANameOrAnOrderIdWhateverTheCase(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_camille'));
        $storage->insertOrder(self::order('ord_sofiane', ['payer' => ['email' => 'sofiane.benali@example.org', 'firstName' => 'Sofiane', 'lastName' => 'Benali']]));
        foreach (['benali@example', 'SOFIANE', 'Bena', 'ord_sofiane'] as $search) {
            self::assertSame(['ord_sofiane'], self::ids($storage->listOrders(['search' => $search], 10, 0)), $search);
            self::assertSame(1, $storage->countOrders(['search' => $search]), $search);
        }
        self::assertSame([], $storage->listOrders(['search' => '100%_'], 10, 0), 'wildcards are plain characters');
    }

    public function testPendingOrdersPastTheirExpiryAreSweptOldestFirst(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_late', ['expiresAt' => '2026-06-15T10:20:00.000Z']));
        $storage->insertOrder(self::order('ord_early', ['expiresAt' => '2026-06-15T10:10:00.000Z']));
        $storage->insertOrder(self::order('ord_on_time', ['expiresAt' => '2026-06-15T10:30:00.000Z']));
        $storage->insertOrder(self::order('ord_paid', ['status' => 'paid', 'expiresAt' => '2026-06-15T10:05:00.000Z']));
        $storage->insertOrder(self::order('ord_cheque', ['provider' => 'offline', 'expiresAt' => null]));

        $at = self::instant('2026-06-15T10:20:00.000Z');
        self::assertSame(['ord_early', 'ord_late'], self::ids($storage->expiredPendingOrders($at, 10)), 'due at that very instant included');
        self::assertSame(['ord_early'], self::ids($storage->expiredPendingOrders($at, 1)));
    }

    // Seats

    public function testSeatsAreHeldWithinTheQuotaAndAShortfallHoldsNothing(): void
    {
        $storage = $this->createStorage();
        $now = self::now();
        $until = self::instant('2026-06-15T10:30:00.000Z');
        self::assertSame([], $storage->holdSeats('concert', 'o1', self::items(['plein' => [3, 5], 'reduit' => [1, 2]]), $until, $now));

        $shortfalls = $storage->holdSeats('concert', 'o2', self::items(['plein' => [3, 5], 'reduit' => [1, 2], 'enfant' => [4, 3]]), $until, $now);
        // CreateOrder names the first short type; a storage may report every one.
        $left = ['plein' => 2, 'enfant' => 3];
        self::assertNotSame([], $shortfalls, 'a short type is reported');
        foreach ($shortfalls as $shortfall) {
            self::assertSame($left[$shortfall['typeId']] ?? 'not short', $shortfall['available'], $shortfall['typeId'] . ': what is left');
        }
        self::assertSame(
            ['plein' => ['sold' => 0, 'held' => 3], 'reduit' => ['sold' => 0, 'held' => 1]],
            self::sortedCounts($storage->seatCounts('concert', $now)),
            'nothing of the refused order is held, not even the types that had room'
        );
        self::assertSame([], $storage->holdSeats('concert', 'o3', self::items(['plein' => [2, 5], 'reduit' => [1, 2]]), $until, $now), 'exactly the rest');
        self::assertSame([['typeId' => 'plein', 'available' => 0]], $storage->holdSeats('concert', 'o4', self::items(['plein' => [1, 5]]), $until, $now));
    }

    public function testAHoldLapsesAtItsExpiry(): void
    {
        $storage = $this->createStorage();
        $until = self::instant('2026-06-15T10:30:00.000Z');
        $storage->holdSeats('concert', 'o1', self::items(['plein' => [4, 4]]), $until, self::now());
        self::assertSame([['typeId' => 'plein', 'available' => 0]], $storage->holdSeats('concert', 'o2', self::items(['plein' => [1, 4]]), $until, self::instant('2026-06-15T10:29:59.000Z')));
        self::assertSame(['plein' => ['sold' => 0, 'held' => 0]], $storage->seatCounts('concert', $until), 'a hold ends at its expiry');
        self::assertSame([], $storage->holdSeats('concert', 'o3', self::items(['plein' => [4, 4]]), self::instant('2026-06-15T11:00:00.000Z'), $until));
    }

    public function testSoldSeatsStaySoldAndReleasedSeatsAreFreeAgain(): void
    {
        $storage = $this->createStorage();
        $until = self::instant('2026-06-15T10:30:00.000Z');
        $later = self::instant('2026-06-15T12:00:00.000Z');
        $storage->holdSeats('concert', 'o_paid', self::items(['plein' => [2, 5]]), $until, self::now());
        $storage->holdSeats('concert', 'o_failed', self::items(['plein' => [2, 5]]), $until, self::now());
        $storage->holdSeats('concert', 'o_late', self::items(['plein' => [1, 5]]), $until, self::now());

        $storage->confirmSeats('o_paid');
        $storage->releaseSeats('o_failed');
        self::assertSame(['plein' => ['sold' => 2, 'held' => 1]], $storage->seatCounts('concert', self::now()));
        self::assertSame(['plein' => ['sold' => 2, 'held' => 0]], $storage->seatCounts('concert', $later), 'sales do not lapse');

        // A payment that arrives after its hold lapsed took real money: its seats are sold all the same.
        $storage->confirmSeats('o_late');
        self::assertSame(['plein' => ['sold' => 3, 'held' => 0]], $storage->seatCounts('concert', $later));
        $storage->confirmSeats('o_late');
        self::assertSame(['plein' => ['sold' => 3, 'held' => 0]], $storage->seatCounts('concert', $later), 'confirming twice sells once');

        $storage->releaseSeats('o_paid');
        self::assertSame(['plein' => ['sold' => 1, 'held' => 0]], $storage->seatCounts('concert', $later), 'a refund frees its seats');
        self::assertSame([], $storage->holdSeats('concert', 'o_next', self::items(['plein' => [4, 5]]), self::instant('2026-06-15T12:30:00.000Z'), $later));
    }

    public function testAnUnlimitedTypeNeverRunsOutAndFormsDoNotShareSeats(): void
    {
        $storage = $this->createStorage();
        $until = self::instant('2026-06-15T10:30:00.000Z');
        self::assertSame([], $storage->holdSeats('concert', 'o1', self::items(['libre' => [500, null]]), $until, self::now()));
        self::assertSame([], $storage->holdSeats('concert', 'o2', self::items(['libre' => [500, null]]), $until, self::now()));
        self::assertSame([], $storage->holdSeats('concert', 'o3', self::items(['plein' => [2, 2]]), $until, self::now()));
        self::assertSame([], $storage->holdSeats('atelier', 'o4', self::items(['plein' => [2, 2]]), $until, self::now()), 'another form, its own quota');
        self::assertSame(['plein' => ['sold' => 0, 'held' => 2]], $storage->seatCounts('atelier', self::now()));
        self::assertSame(['libre' => ['sold' => 0, 'held' => 1000], 'plein' => ['sold' => 0, 'held' => 2]], self::sortedCounts($storage->seatCounts('concert', self::now())));
    }

    public function testConcurrentBuyersNeverHoldTheSameLastSeats(): void
    {
        $storage = $this->createStorage();
        $bootstrap = $this->buyersBootstrap();
        $script = $bootstrap . "\n" . <<<'PHP'
$now = new DateTimeImmutable($argv[1]);
$won = 0;
for ($i = 0; $i < 10; $i++) {
    $left = $storage->holdSeats('rush', 'o' . $argv[2] . '_' . $i, ['plein' => ['quantity' => 1, 'quota' => 25]], $now->modify('+30 minutes'), $now);
    $won += $left === [] ? 1 : 0;
}
echo $won;
PHP;
        ['outputs' => $outputs, 'errors' => $errors] = ConcurrentPhp::run($script, array_map(static fn (int $p): array => [self::NOW, (string) $p], range(0, 5)));
        self::assertSame('', $errors);
        $won = array_sum(array_map('intval', $outputs));
        self::assertSame(25, $won, '60 attempts for 25 seats hold exactly 25');
        self::assertSame(['plein' => ['sold' => 0, 'held' => 25]], $storage->seatCounts('rush', self::now()));
    }

    /** @param array<string, array{sold: int, held: int}> $counts */
    private static function sortedCounts(array $counts): array
    {
        ksort($counts);
        return $counts;
    }

    // Promo codes and the donation goal

    public function testPromoCodeUsesCountPendingAndPaidOrdersWhateverTheCase(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('o1', ['promoCode' => 'ADHERENT']));
        $storage->insertOrder(self::order('o2', ['promoCode' => 'ADHERENT', 'status' => 'paid']));
        $storage->insertOrder(self::order('o3', ['promoCode' => 'ADHERENT', 'status' => 'failed']));
        $storage->insertOrder(self::order('o4', ['promoCode' => 'ADHERENT', 'status' => 'expired']));
        $storage->insertOrder(self::order('o5', ['promoCode' => 'ADHERENT', 'formId' => 'atelier']));
        $storage->insertOrder(self::order('o6', ['promoCode' => 'AMIS']));
        self::assertSame(2, $storage->promoCodeUses('concert', 'adherent'));
        self::assertSame(0, $storage->promoCodeUses('concert', 'NOEL'));
    }

    /** An order's transaction as CreateOrder runs it: the code's uses counted under the lock, then the insert. */
    private static function orderWithCode(Storage $storage, string $id, string $code, int $maxUses): bool
    {
        return $storage->transaction(static function () use ($storage, $id, $code, $maxUses): bool {
            if ($storage->promoCodeUsesForUpdate('concert', $code) >= $maxUses) {
                return false;
            }
            $storage->insertOrder(self::order($id, ['promoCode' => $code]));
            return true;
        });
    }

    public function testTheLockedCountOfACodeStopsAtItsMaxUsesAndAFailedOrderGivesItsUseBack(): void
    {
        $storage = $this->createStorage();
        self::assertTrue(self::orderWithCode($storage, 'p1', 'AMIS', 2));
        self::assertTrue(self::orderWithCode($storage, 'p2', 'amis', 2));
        self::assertFalse(self::orderWithCode($storage, 'p3', 'AMIS', 2), 'the third buyer is refused');
        self::assertTrue(self::orderWithCode($storage, 'p4', 'NOEL', 2), 'another code keeps its own count');
        try {
            $storage->transaction(static function () use ($storage): void {
                self::assertSame(1, $storage->promoCodeUsesForUpdate('concert', 'noel'));
                $storage->insertOrder(self::order('p5', ['promoCode' => 'NOEL']));
                throw new \RuntimeException('provider down');
            });
            self::fail('The exception must reach the caller');
        } catch (\RuntimeException $e) {
            self::assertSame('provider down', $e->getMessage());
        }
        self::assertNull($storage->findOrder('p5'));
        self::assertTrue($storage->updateOrder('p1', ['status' => 'failed'], 'pending'));
        self::assertSame(1, $storage->promoCodeUses('concert', 'AMIS'));
        self::assertTrue(self::orderWithCode($storage, 'p6', 'AMIS', 2), 'the failed order gave its use back');
        self::assertSame(2, $storage->promoCodeUses('concert', 'AMIS'));
        self::assertSame(1, $storage->promoCodeUses('concert', 'NOEL'));
    }

    public function testConcurrentBuyersNeverUseACodeMoreThanItsMaxUses(): void
    {
        $storage = $this->createStorage();
        $bootstrap = $this->buyersBootstrap();
        $order = var_export(self::order('template', ['promoCode' => 'AMIS']), true);
        // The buyers start together once all six are booted (a storage can take long to open): their first
        // counts then run at the same moment, where a count made without the lock would see no use yet.
        $barrier = sys_get_temp_dir() . '/guichet-promo-rush-' . bin2hex(random_bytes(6));
        mkdir($barrier);
        $script = $bootstrap . "\n" . '$order = ' . $order . ";\n" . <<<'PHP'
touch($argv[2] . '/' . $argv[1]);
for ($wait = 0; count(glob($argv[2] . '/*')) < 6 && $wait < 30000; $wait++) {
    usleep(1000);
}
$won = 0;
for ($i = 0; $i < 4; $i++) {
    $order['id'] = 'o' . $argv[1] . '_' . $i;
    $won += $storage->transaction(static function () use ($storage, $order): int {
        if ($storage->promoCodeUsesForUpdate('concert', 'AMIS') >= 5) {
            return 0;
        }
        $storage->insertOrder($order);
        return 1;
    });
}
echo $won;
PHP;
        ['outputs' => $outputs, 'errors' => $errors] = ConcurrentPhp::run($script, array_map(static fn (int $p): array => [(string) $p, $barrier], range(0, 5)));
        array_map('unlink', glob($barrier . '/*') ?: []);
        rmdir($barrier);
        self::assertSame('', $errors);
        $won = array_sum(array_map('intval', $outputs));
        self::assertSame(5, $won, '24 orders with a code limited to 5 uses: exactly 5 stored');
        self::assertSame(5, $storage->promoCodeUses('concert', 'AMIS'));
    }

    public function testTheGoalCountsPaidOrdersLessWhatWasRefunded(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('o1', ['formId' => 'don', 'status' => 'paid', 'total' => 2500]));
        $storage->insertOrder(self::order('o2', ['formId' => 'don', 'status' => 'paid', 'total' => 5000, 'refundedAmount' => 1000]));
        $storage->insertOrder(self::order('o3', ['formId' => 'don', 'status' => 'pending', 'total' => 10000]));
        $storage->insertOrder(self::order('o4', ['formId' => 'don', 'status' => 'refunded', 'total' => 700, 'refundedAmount' => 700]));
        $storage->insertOrder(self::order('o5', ['formId' => 'autre', 'status' => 'paid', 'total' => 9900]));
        self::assertSame(6500, $storage->raisedAmount('don'));
        self::assertSame(0, $storage->raisedAmount('vide'));
    }

    // Applied once: provider events and idempotency keys

    public function testAnEventIsProcessedOncePerProvider(): void
    {
        $storage = $this->createStorage();
        self::assertTrue($storage->markEventProcessed('stripe', 'evt_1', self::now()));
        self::assertFalse($storage->markEventProcessed('stripe', 'evt_1', self::instant('2026-06-16T10:00:00.000Z')), 'a redelivery');
        self::assertTrue($storage->markEventProcessed('simulation', 'evt_1', self::now()), 'another provider’s id space');
        self::assertTrue($storage->markEventProcessed('stripe', 'evt_2', self::now()));
    }

    public function testAnIdempotencyKeyIsClaimedOnceThenRemembersItsAnswer(): void
    {
        $storage = $this->createStorage();
        self::assertNull($storage->findIdempotentResponse('key-1'));
        self::assertTrue($storage->claimIdempotencyKey('key-1', 'hash-a', self::now()));
        self::assertSame(['requestHash' => 'hash-a', 'response' => null], $storage->findIdempotentResponse('key-1'), 'in flight');
        self::assertFalse($storage->claimIdempotencyKey('key-1', 'hash-a', self::now()), 'a retry while the first is in flight');
        self::assertFalse($storage->claimIdempotencyKey('key-1', 'hash-b', self::now()), 'another body under the same key');

        $answer = ['order' => ['id' => 'ord_1', 'status' => 'pending', 'lines' => []], 'token' => 'tok', 'next' => ['type' => 'redirect', 'url' => 'https://checkout.stripe.com/c/pay/cs_1']];
        $storage->completeIdempotencyKey('key-1', $answer);
        self::assertEquals(['requestHash' => 'hash-a', 'response' => $answer], $storage->findIdempotentResponse('key-1'));
        self::assertTrue($storage->claimIdempotencyKey('key-2', 'hash-a', self::now()), 'keys are independent');
    }

    // Units of work

    public function testAFailedOrderCreationUndoesItsKeyItsOrderAndItsSeats(): void
    {
        $storage = $this->createStorage();
        $failure = new \RuntimeException('sold out meanwhile');
        try {
            $storage->transaction(static function () use ($storage, $failure): void {
                $storage->claimIdempotencyKey('key-undo', 'hash', self::now());
                $storage->insertOrder(self::order('ord_undo'));
                $storage->holdSeats('concert', 'ord_undo', self::items(['plein' => [2, 5]]), self::instant('2026-06-15T10:30:00.000Z'), self::now());
                throw $failure;
            });
            self::fail('The exception must reach the caller');
        } catch (\RuntimeException $e) {
            self::assertSame($failure, $e, 'rethrown as is');
        }
        self::assertNull($storage->findOrder('ord_undo'));
        self::assertNull($storage->findIdempotentResponse('key-undo'));
        self::assertSame(0, $storage->countOrders([]));
        self::assertSame([], array_filter($storage->seatCounts('concert', self::now()), static function (array $count): bool {
            return $count['sold'] + $count['held'] > 0;
        }));
        self::assertTrue($storage->claimIdempotencyKey('key-undo', 'hash', self::now()), 'the key can be used again');
    }

    public function testAFailedEventUndoesItsMarkItsChangeAndItsSeats(): void
    {
        $storage = $this->createStorage();
        $storage->insertOrder(self::order('ord_evt'));
        $storage->holdSeats('concert', 'ord_evt', self::items(['plein' => [2, 5]]), self::instant('2026-06-15T10:30:00.000Z'), self::now());
        try {
            $storage->transaction(static function () use ($storage): void {
                $storage->markEventProcessed('stripe', 'evt_undo', self::now());
                $storage->updateOrder('ord_evt', ['status' => 'paid', 'paidAt' => self::NOW], 'pending');
                $storage->confirmSeats('ord_evt');
                throw new \RuntimeException('mail server down');
            });
            self::fail('The exception must reach the caller');
        } catch (\RuntimeException $e) {
            self::assertSame('mail server down', $e->getMessage());
        }
        self::assertSame(['pending', null], [$storage->findOrder('ord_evt')['status'], $storage->findOrder('ord_evt')['paidAt']]);
        self::assertSame(['plein' => ['sold' => 0, 'held' => 2]], $storage->seatCounts('concert', self::now()));
        self::assertTrue($storage->markEventProcessed('stripe', 'evt_undo', self::now()), 'the redelivered event is applied then');
    }

    public function testAUnitReturnsItsResultAndANestedUnitJoinsTheOuterOne(): void
    {
        $storage = $this->createStorage();
        self::assertSame('done', $storage->transaction(static function (): string {
            return 'done';
        }));
        try {
            $storage->transaction(static function () use ($storage): void {
                $inner = $storage->transaction(static function () use ($storage): int {
                    $storage->insertOrder(self::order('ord_nested'));
                    return 42;
                });
                self::assertSame(42, $inner);
                self::assertNotNull($storage->findOrder('ord_nested'), 'the outer unit sees what the inner one wrote');
                throw new \RuntimeException('outer fails');
            });
            self::fail('The exception must reach the caller');
        } catch (\RuntimeException $e) {
            self::assertSame('outer fails', $e->getMessage());
        }
        self::assertNull($storage->findOrder('ord_nested'), 'undone with the outer unit');

        $storage->transaction(static function () use ($storage): void {
            $storage->insertOrder(self::order('ord_kept'));
        });
        self::assertNotNull($storage->findOrder('ord_kept'));
    }
}
