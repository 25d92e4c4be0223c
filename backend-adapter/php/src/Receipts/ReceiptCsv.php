<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

use Guichet\Adapter\Domain\Money;

/**
 * A year's receipts as CSV for the treasurer and the art. 222 bis declaration: one column set, headed in
 * French or English, in the dialect of the Node host's exports (backend-adapter/src/server/csv.ts): UTF-8
 * with a BOM, `;` and a decimal comma in French, `,` and a point in English, CRLF, quoted when needed, and a
 * text cell a spreadsheet would run as a formula prefixed with `'`. No link, token or secret.
 */
final class ReceiptCsv
{
    private const BOM = "\xEF\xBB\xBF";

    /** The Node host's columns (backend-adapter/src/server/receipt-exports.ts), in the same order. */
    private const COLUMNS = [
        'number' => ['fr' => 'Numéro', 'en' => 'Number'],
        'issuedOn' => ['fr' => 'Émis le', 'en' => 'Issued on'],
        'kind' => ['fr' => 'Type', 'en' => 'Kind'],
        'replaces' => ['fr' => 'Remplace', 'en' => 'Replaces'],
        'donor' => ['fr' => 'Donateur', 'en' => 'Donor'],
        'email' => ['fr' => 'E-mail', 'en' => 'Email'],
        'address' => ['fr' => 'Adresse', 'en' => 'Address'],
        'amount' => ['fr' => 'Montant', 'en' => 'Amount'],
        'giftDate' => ['fr' => 'Date ou période du don', 'en' => 'Gift date or period'],
        'orders' => ['fr' => 'Commandes', 'en' => 'Orders'],
        'hash' => ['fr' => 'Empreinte (SHA-256)', 'en' => 'Hash (SHA-256)'],
    ];

    /** Cells written by us (dates, amounts, hashes): never prefixed against formulas. */
    private const TRUSTED = ['issuedOn' => true, 'amount' => true, 'giftDate' => true, 'hash' => true];

    private const KINDS = [
        'payment' => ['fr' => 'don', 'en' => 'gift'],
        'annual' => ['fr' => 'récapitulatif annuel', 'en' => 'annual summary'],
        'correction' => ['fr' => 'rectificatif', 'en' => 'correction'],
        'cancellation' => ['fr' => 'annulation', 'en' => 'cancellation'],
    ];

    /** @return string[] the header row in $locale */
    public static function headers(string $locale): array
    {
        $locale = $locale === 'en' ? 'en' : 'fr';
        return array_values(array_map(static function (array $names) use ($locale): string {
            return $names[$locale];
        }, self::COLUMNS));
    }

    /** @param array<int, array<string, mixed>> $receipts in ledger order */
    public static function write(array $receipts, string $locale): string
    {
        $locale = $locale === 'en' ? 'en' : 'fr';
        $separator = $locale === 'fr' ? ';' : ',';
        $out = self::BOM . self::line(self::headers($locale), [], $separator);
        foreach ($receipts as $receipt) {
            $out .= self::line(self::row($receipt, $locale), self::TRUSTED, $separator);
        }
        return $out;
    }

    /**
     * @param array<string, mixed> $receipt
     * @return array<string, string>
     */
    private static function row(array $receipt, string $locale): array
    {
        $document = $receipt['document'];
        $address = $document['donor']['address'] ?? [];
        $town = trim(($address['postalCode'] ?? '') . ' ' . ($address['city'] ?? ''));
        $amount = Money::toDecimalString((int) $receipt['amount'], (string) $receipt['currency']);
        return [
            'number' => (string) $receipt['number'],
            'issuedOn' => (string) ($document['issuedOn'] ?? ''),
            'kind' => self::KINDS[$receipt['kind']][$locale] ?? (string) $receipt['kind'],
            'replaces' => (string) ($receipt['replaces'] ?? ''),
            'donor' => (string) $receipt['donorName'],
            'email' => (string) $receipt['email'],
            'address' => implode(', ', array_filter([
                (string) ($address['line1'] ?? ''), (string) ($address['line2'] ?? ''), $town, (string) ($address['country'] ?? ''),
            ], 'strlen')),
            'amount' => $locale === 'fr' ? str_replace('.', ',', $amount) : $amount,
            'giftDate' => isset($document['period'])
                ? $document['period']['from'] . ' – ' . $document['period']['to']
                : (string) ($document['paidOn'] ?? ''),
            'orders' => implode(' ', $receipt['orderIds']),
            'hash' => (string) $receipt['hash'],
        ];
    }

    /**
     * @param array<int|string, string> $cells
     * @param array<string, true> $trusted cells written by us (amounts, dates): never prefixed
     */
    private static function line(array $cells, array $trusted, string $separator): string
    {
        $out = [];
        foreach ($cells as $key => $text) {
            if (!isset($trusted[$key]) && preg_match('/^[=+\-@\t\r]/', $text)) {
                $text = "'" . $text;
            }
            if (preg_match('/["\r\n]/', $text) || strpos($text, $separator) !== false) {
                $text = '"' . str_replace('"', '""', $text) . '"';
            }
            $out[] = $text;
        }
        return implode($separator, $out) . "\r\n";
    }
}
