<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\ReceiptChain;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsChainVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('receipts-chain.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testReceiptChain(array $case): void
    {
        $this->checkCase($case, static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'canonicalJson':
                    return ReceiptChain::canonicalJson($in['value']);
                case 'receiptHash':
                    return ['canonical' => ReceiptChain::hashInput($in['record']), 'hash' => ReceiptChain::hash($in['prevHash'], $in['record'])];
                case 'verifyReceiptChain':
                    return ReceiptChain::verify($in['records']);
            }
            throw new \LogicException('No PHP runner for ' . $case['fn']);
        });
        if ($case['fn'] === 'receiptHash' && isset($case['expected'])) {
            $expected = $case['expected'];
            self::assertSame($expected['hash'], hash('sha256', $case['input']['prevHash'] . "\n" . $expected['canonical']));
        }
    }
}
