<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Tests\Support\Vectors;
use PHPUnit\Framework\TestCase;

/**
 * Every file in tests/vectors/ must be run by the PHP adapter: a new vector file with no PHP runner fails
 * here instead of being skipped silently.
 */
final class VectorFilesTest extends TestCase
{
    /** Vector file => the test class that runs every case of it. */
    public const RUNNERS = [
        'money.json' => MoneyVectorsTest::class,
        'fee-coverage.json' => FeeCoverageVectorsTest::class,
        'reservations.json' => ReservationsVectorsTest::class,
        'state-transitions.json' => StateTransitionsVectorsTest::class,
        'tax-preview.json' => TaxPreviewVectorsTest::class,
        'validation.json' => ValidationVectorsTest::class,
        'pricing.json' => PricingVectorsTest::class,
        'public-definition.json' => PublicDefinitionVectorsTest::class,
        'stripe-webhook-signatures.json' => StripeWebhookSignaturesVectorsTest::class,
        'receipts-amount-in-words.json' => ReceiptsWordsDatesVectorsTest::class,
        'receipts-dates.json' => ReceiptsWordsDatesVectorsTest::class,
        'receipts-chain.json' => ReceiptsChainVectorsTest::class,
        'receipts-documents.json' => ReceiptsDocumentsVectorsTest::class,
        'receipts-annual.json' => ReceiptsAnnualVectorsTest::class,
        'receipts-totals.json' => ReceiptsTotalsLinksVectorsTest::class,
        'receipts-links.json' => ReceiptsTotalsLinksVectorsTest::class,
        'receipts-numbers.json' => ReceiptsNumbersVectorsTest::class,
        'receipts-pdf-fixtures.json' => \Guichet\Adapter\Tests\Receipts\PdfReceiptTest::class,
    ];

    /** @return array<string, array{0: string}> */
    public function files(): array
    {
        $out = [];
        foreach (Vectors::files() as $file) {
            $out[$file] = [$file];
        }
        return $out === [] ? ['(no vector file yet)' => ['']] : $out;
    }

    /** @dataProvider files */
    public function testTheAdapterRunsEveryVectorFile(string $file): void
    {
        if ($file === '') {
            self::assertSame([], Vectors::files());
            return;
        }
        self::assertArrayHasKey($file, self::RUNNERS, 'tests/vectors/' . $file . ' has no PHP runner: port it in backend-adapter/php');
        self::assertTrue(class_exists(self::RUNNERS[$file]));
    }
}
