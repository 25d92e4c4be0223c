<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Storage\MemoryStorage;

/** The storage contract on PHP arrays (one process: the concurrent-buyers case is skipped). */
final class MemoryStorageContractTest extends StorageContractTestCase
{
    protected function createStorage(): Storage
    {
        return new MemoryStorage();
    }
}
