<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\ReceiptDocuments;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class ReceiptsDocumentsVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('receipts-documents.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testReceiptDocuments(array $case): void
    {
        $run = static function (array $in) use ($case) {
            switch ($case['fn']) {
                case 'receiptDonor':
                    return ReceiptDocuments::donor($in['request']);
                case 'receiptPaymentMethod':
                    return ReceiptDocuments::paymentMethod($in['provider'], $in['offlineMethod']);
                case 'buildReceiptDocument':
                    if (isset($in['paidAt'])) {
                        $in['paidOn'] = new \DateTimeImmutable($in['paidAt']);
                        unset($in['paidAt']);
                    }
                    $in['issuedAt'] = new \DateTimeImmutable($in['issuedAt']);
                    return ReceiptDocuments::build($in);
                case 'validateReceiptIssuer':
                    return self::sorted(ReceiptDocuments::validateIssuer($in['issuer']));
            }
            throw new \LogicException('No PHP runner for ' . $case['fn']);
        };
        if ($case['fn'] === 'validateReceiptIssuer') {
            $case['expected'] = self::sorted($case['expected']);
        }
        $this->checkCase($case, $run);
        if ($case['fn'] === 'buildReceiptDocument' && isset($case['expected'])) {
            // Strict: no key beyond the vector's (the ledger hashes every key of the document).
            self::assertSame(self::keys($case['expected']), self::keys($run($case['input'])));
        }
    }

    /** @param mixed $value @return mixed */
    private static function keys($value)
    {
        if (!is_array($value)) {
            return null;
        }
        $out = [];
        foreach ($value as $key => $item) {
            $out[$key] = self::keys($item);
        }
        ksort($out);
        return $out;
    }

    /** @param array<int, array<string, mixed>> $errors @return array<int, array<string, mixed>> */
    private static function sorted(array $errors): array
    {
        usort($errors, static function (array $a, array $b): int {
            return strcmp(($a['field'] ?? '') . '|' . $a['code'], ($b['field'] ?? '') . '|' . $b['code']);
        });
        return $errors;
    }
}
