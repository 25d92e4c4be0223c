<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Storage;

use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Storage\MemoryReceiptStore;

/** The receipt store contract on PHP arrays (one process: the concurrent-issuers case is skipped). */
final class MemoryReceiptStoreContractTest extends ReceiptStoreContractTestCase
{
    protected function createReceiptStore(): ReceiptStore
    {
        return new MemoryReceiptStore();
    }
}
