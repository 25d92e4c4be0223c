<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Tax\TaxPreview;
use Guichet\Adapter\Tests\Support\Vectors;
use Guichet\Adapter\Tests\Support\VectorTestCase;

final class TaxPreviewVectorsTest extends VectorTestCase
{
    /** @return array<string, array{0: array<string, mixed>}> */
    public function cases(): array
    {
        return Vectors::cases('tax-preview.json');
    }

    /** @dataProvider cases @param array<string, mixed> $case */
    public function testTaxPreview(array $case): void
    {
        $file = Vectors::load('tax-preview.json');
        $this->checkCase($case, static function (array $in) use ($case, $file) {
            switch ($case['fn']) {
                case 'taxPreview':
                    $opts = ['year' => $in['year']];
                    foreach (['taxableIncome', 'turnover'] as $key) {
                        if (array_key_exists($key, $in)) {
                            $opts[$key] = $in[$key];
                        }
                    }
                    return TaxPreview::compute($in['amount'], $in['scheme'], $file['rules'], $opts);
                case 'publicTaxReduction':
                    return TaxPreview::publicReduction($file['forms'][$in['form']], $file['rules'], $in['year']);
            }
            throw new \LogicException('No PHP runner for tax function ' . $case['fn']);
        });
    }
}
