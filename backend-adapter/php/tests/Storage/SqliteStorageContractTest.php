<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Storage\SqliteStorage;

/** The storage contract on a SQLite file, shared with concurrent PHP processes for the seat rush. */
final class SqliteStorageContractTest extends StorageContractTestCase
{
    private ?string $file = null;

    protected function createStorage(): Storage
    {
        $this->file = tempnam(sys_get_temp_dir(), 'guichet-contract-') . '.sqlite';
        return SqliteStorage::open($this->file);
    }

    protected function storageInAnotherProcess(): ?string
    {
        return 'require ' . var_export(dirname(__DIR__, 2) . '/autoload.php', true) . ';'
            . ' $storage = \Guichet\Adapter\Storage\SqliteStorage::open(' . var_export($this->file, true) . ');';
    }

    protected function tearDown(): void
    {
        if ($this->file !== null) {
            foreach (['', '-wal', '-shm'] as $suffix) {
                @unlink($this->file . $suffix);
            }
            @unlink(substr($this->file, 0, -strlen('.sqlite')));
        }
    }
}
