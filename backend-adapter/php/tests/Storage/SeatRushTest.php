<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Storage\MemoryStorage;
use Guichet\Adapter\Storage\SqliteStorage;
use PHPUnit\Framework\TestCase;

/** Seat holds: the arithmetic on both reference storages, and no overselling across concurrent PHP processes. */
final class SeatRushTest extends TestCase
{
    /** @return array<string, array{0: callable}> */
    public function storages(): array
    {
        return [
            'memory' => [static function (): Storage {
                return new MemoryStorage();
            }],
            'sqlite' => [static function (): Storage {
                return SqliteStorage::open(':memory:');
            }],
        ];
    }

    /** @dataProvider storages */
    public function testHoldsCountUntilTheyLapseAndSalesForever(callable $make): void
    {
        /** @var Storage $storage */
        $storage = $make();
        $now = Instant::of('2026-06-15T10:00:00Z');
        $later = $now->modify('+30 minutes');
        self::assertSame([], $storage->holdSeats('f', 'o1', ['plein' => ['quantity' => 3, 'quota' => 5]], $later, $now));
        self::assertSame([['typeId' => 'plein', 'available' => 2]], $storage->holdSeats('f', 'o2', ['plein' => ['quantity' => 3, 'quota' => 5]], $later, $now));
        $storage->confirmSeats('o1');
        self::assertSame(['plein' => ['sold' => 3, 'held' => 0]], $storage->seatCounts('f', $later));
        self::assertSame([], $storage->holdSeats('f', 'o3', ['plein' => ['quantity' => 2, 'quota' => 5]], $later, $now));
        self::assertSame(['plein' => ['sold' => 3, 'held' => 0]], $storage->seatCounts('f', $later), 'a hold lapses at its expiry');
        $storage->releaseSeats('o1');
        self::assertSame(['plein' => ['sold' => 0, 'held' => 2]], $storage->seatCounts('f', $now));
    }

    public function testConcurrentBuyersNeverShareTheLastSeats(): void
    {
        if (PHP_BINARY === '' || !is_executable(PHP_BINARY)) {
            self::markTestSkipped('No PHP binary to start concurrent buyers with (php-wasm)');
        }
        $file = tempnam(sys_get_temp_dir(), 'guichet-rush-') . '.sqlite';
        SqliteStorage::open($file);
        $script = <<<'PHP'
require $argv[1];
$storage = Guichet\Adapter\Storage\SqliteStorage::open($argv[2]);
$now = new DateTimeImmutable('2026-06-15T10:00:00Z');
$won = 0;
for ($i = 0; $i < 10; $i++) {
    $left = $storage->holdSeats('rush', 'o' . $argv[3] . '_' . $i, ['plein' => ['quantity' => 1, 'quota' => 25]], $now->modify('+30 minutes'), $now);
    $won += $left === [] ? 1 : 0;
}
echo $won;
PHP;
        $processes = [];
        for ($p = 0; $p < 6; $p++) {
            $processes[] = proc_open(
                [PHP_BINARY, '-r', $script, dirname(__DIR__, 2) . '/autoload.php', $file, (string) $p],
                [1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
                $pipes
            );
            $outputs[] = $pipes;
        }
        $won = 0;
        foreach ($processes as $i => $process) {
            $won += (int) stream_get_contents($outputs[$i][1]);
            $errors = stream_get_contents($outputs[$i][2]);
            self::assertSame('', $errors);
            proc_close($process);
        }
        self::assertSame(25, $won, '60 attempts for 25 seats sell exactly 25');
        self::assertSame(['plein' => ['sold' => 0, 'held' => 25]], SqliteStorage::open($file)->seatCounts('rush', new \DateTimeImmutable('2026-06-15T10:00:00Z')));
        foreach (['', '-wal', '-shm'] as $suffix) {
            @unlink($file . $suffix);
        }
    }
}
