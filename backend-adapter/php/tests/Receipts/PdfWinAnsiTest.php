<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Receipts\Pdf\PdfImages;
use Guichet\Adapter\Receipts\Pdf\PdfWriter;
use Guichet\Adapter\Receipts\Pdf\WinAnsi;
use PHPUnit\Framework\TestCase;

/** Text encoding, measuring, wrapping and PDF syntax of the PHP renderer (twins of the TypeScript tests). */
final class PdfWinAnsiTest extends TestCase
{
    public function testFrenchLettersMapToWinAnsi(): void
    {
        self::assertSame("\xe9\xe8\xea\xe0\xe7\xf4\xfb\xf9\xee\xef\x9c\x8c\xab\xbb\x92\x80", WinAnsi::encode('éèêàçôûùîïœŒ«»’€'));
        self::assertSame("?\xf3d? ? ??", WinAnsi::encode('Łódź 😀 日本'));
        self::assertSame("1er \xe9tage, Saint-Denis", WinAnsi::encode("1ᵉʳ étage, Saint\u{2011}Denis"));
        self::assertSame('12 rue des Lilas', WinAnsi::encode("  12\t rue\r\n des  Lilas "));
        self::assertSame("5\xa0000", WinAnsi::encode("5\u{202f}000"));
        self::assertSame('ete', WinAnsi::encode("e\u{301}te\u{301}"));
        self::assertSame('a??b', WinAnsi::encode("a\xff\xfeb"));
    }

    public function testWrappingKeepsEveryLineWithinTheMeasure(): void
    {
        $sentence = WinAnsi::encode("Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt");
        $lines = WinAnsi::wrap($sentence, 'Helvetica', 9, 120);
        self::assertGreaterThan(2, count($lines));
        foreach ($lines as $line) {
            self::assertLessThanOrEqual(120, WinAnsi::width($line, 'Helvetica', 9));
        }
        self::assertSame($sentence, implode(' ', $lines));
        $cut = WinAnsi::wrap($sentence, 'Helvetica', 9, 120, 2);
        self::assertCount(2, $cut);
        self::assertStringEndsWith("\x85", $cut[1]);
        self::assertSame(str_repeat('A', 100), implode('', WinAnsi::wrap(str_repeat('A', 100), 'Helvetica', 10, 50)));
    }

    public function testWidthsComeFromTheSharedAfmTable(): void
    {
        self::assertSame((722 + 556 + 500 + 556) * 10 / 1000, WinAnsi::width('Re' . "\xe7" . 'u', 'Helvetica', 10));
    }

    public function testPdfSyntaxHelpers(): void
    {
        self::assertSame(
            ['0', '12', '9.5', '0.88', '841.89', '53.33', '1.01', '-3.25', '11'],
            array_map([PdfWriter::class, 'number'], [0, 12, 9.5, 0.88, 841.89, 53.333333, 1.006, -3.25, 10.999]),
        );
        self::assertSame('(a\\(b\\)c\\\\d\\351\\200\\012)', PdfWriter::literal("a(b)c\\d\xe9\x80\n"));
        self::assertSame('<FEFF004100E9D83DDE00>', PdfWriter::textString('Aé😀'));
    }

    public function testImagesAreReadWithoutDecoding(): void
    {
        $png = "\x89PNG\r\n\x1a\n" . self::chunk('IHDR', pack('NNCCCCC', 3, 2, 8, 0, 0, 0, 0))
            . self::chunk('IDAT', (string) gzcompress("\0abc\0def")) . self::chunk('IEND', '');
        $image = PdfImages::png($png);
        self::assertSame([3, 2, 'DeviceGray', 'FlateDecode'], [$image['width'], $image['height'], $image['colorSpace'], $image['filter']]);
        $alpha = "\x89PNG\r\n\x1a\n" . self::chunk('IHDR', pack('NNCCCCC', 3, 2, 8, 6, 0, 0, 0));
        $this->expectException(\InvalidArgumentException::class);
        PdfImages::png($alpha);
    }

    private static function chunk(string $type, string $data): string
    {
        return pack('N', strlen($data)) . $type . $data . pack('N', crc32($type . $data));
    }
}
