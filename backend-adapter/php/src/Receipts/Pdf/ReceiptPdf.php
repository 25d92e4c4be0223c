<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * A tax receipt as a one-page PDF, byte for byte the same as the TypeScript renderReceiptPdf for the same
 * record ({number, document} with ReceiptDocument keys).
 */
final class ReceiptPdf
{
    /** @param array{number: string, document: array<string, mixed>} $record */
    public static function render(array $record): string
    {
        $number = (string) $record['number'];
        return PdfPage::render([
            'width' => CerfaLayout::PAGE_WIDTH,
            'height' => CerfaLayout::PAGE_HEIGHT,
            'ops' => CerfaLayout::ops($number, $record['document']),
            'title' => 'Reçu fiscal ' . $number,
            'createdOn' => (string) $record['document']['issuedOn'],
            'lang' => 'fr-FR',
        ]);
    }

    /** "recu-fiscal-2026-00042.pdf": safe in a Content-Disposition header and in a zip. */
    public static function fileName(string $number): string
    {
        return 'recu-fiscal-' . preg_replace('/[^A-Za-z0-9-]/', '-', $number) . '.pdf';
    }
}
