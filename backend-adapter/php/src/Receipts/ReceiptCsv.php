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

    private const COLUMNS = [
        'number' => ['fr' => 'Numéro', 'en' => 'Number'],
        'kind' => ['fr' => 'Type', 'en' => 'Kind'],
        'status' => ['fr' => 'État', 'en' => 'Status'],
        'replaces' => ['fr' => 'Remplace', 'en' => 'Replaces'],
        'replacedBy' => ['fr' => 'Remplacé par', 'en' => 'Replaced by'],
        'issuedOn' => ['fr' => 'Date du reçu', 'en' => 'Receipt date'],
        'giftDate' => ['fr' => 'Date ou période du don', 'en' => 'Gift date or period'],
        'donor' => ['fr' => 'Donateur', 'en' => 'Donor'],
        'siren' => ['fr' => 'SIREN', 'en' => 'SIREN'],
        'email' => ['fr' => 'E-mail', 'en' => 'Email'],
        'address' => ['fr' => 'Adresse', 'en' => 'Address'],
        'postalCode' => ['fr' => 'Code postal', 'en' => 'Postal code'],
        'city' => ['fr' => 'Ville', 'en' => 'City'],
        'country' => ['fr' => 'Pays', 'en' => 'Country'],
        'amount' => ['fr' => 'Montant', 'en' => 'Amount'],
        'currency' => ['fr' => 'Devise', 'en' => 'Currency'],
        'paymentMethod' => ['fr' => 'Mode de versement', 'en' => 'Payment method'],
        'orders' => ['fr' => 'Commandes', 'en' => 'Orders'],
    ];

    private const KINDS = [
        'payment' => ['fr' => 'don', 'en' => 'gift'],
        'annual' => ['fr' => 'annuel', 'en' => 'yearly'],
        'correction' => ['fr' => 'rectificatif', 'en' => 'correction'],
        'cancellation' => ['fr' => 'annulation', 'en' => 'cancellation'],
    ];

    private const STATUSES = [
        'valid' => ['fr' => 'valide', 'en' => 'valid'],
        'replaced' => ['fr' => 'remplacé', 'en' => 'replaced'],
        'cancelled' => ['fr' => 'annulé', 'en' => 'cancelled'],
    ];

    private const METHODS = [
        'cash' => ['fr' => 'espèces', 'en' => 'cash'],
        'cheque' => ['fr' => 'chèque', 'en' => 'cheque'],
        'transfer_debit_card' => ['fr' => 'virement, prélèvement, carte bancaire', 'en' => 'transfer, direct debit, card'],
    ];

    /** @return string[] the header row in $locale */
    public static function headers(string $locale): array
    {
        $locale = $locale === 'en' ? 'en' : 'fr';
        return array_values(array_map(static function (array $names) use ($locale): string {
            return $names[$locale];
        }, self::COLUMNS));
    }

    /**
     * @param array<int, array<string, mixed>> $receipts in ledger order
     * @param array<string, array<string, mixed>> $replacedBy number => the receipt that replaced it
     */
    public static function write(array $receipts, array $replacedBy, string $locale): string
    {
        $locale = $locale === 'en' ? 'en' : 'fr';
        $separator = $locale === 'fr' ? ';' : ',';
        $out = self::BOM . self::line(self::headers($locale), [], $separator);
        foreach ($receipts as $receipt) {
            $next = $replacedBy[$receipt['number']] ?? null;
            $out .= self::line(self::row($receipt, $next, $locale), ['amount' => true, 'issuedOn' => true, 'giftDate' => true], $separator);
        }
        return $out;
    }

    /**
     * @param array<string, mixed> $receipt
     * @param array<string, mixed>|null $next
     * @return array<string, string>
     */
    private static function row(array $receipt, ?array $next, string $locale): array
    {
        $document = $receipt['document'];
        $donor = $document['donor'];
        $address = $donor['address'] ?? [];
        $status = $next === null ? 'valid' : ($next['kind'] === 'cancellation' ? 'cancelled' : 'replaced');
        $giftDate = isset($document['period'])
            ? $document['period']['from'] . ' – ' . $document['period']['to']
            : (string) ($document['paidOn'] ?? '');
        $amount = Money::toDecimalString((int) $receipt['amount'], (string) $receipt['currency']);
        return [
            'number' => (string) $receipt['number'],
            'kind' => self::KINDS[$receipt['kind']][$locale] ?? (string) $receipt['kind'],
            'status' => $receipt['kind'] === 'cancellation' ? '' : self::STATUSES[$status][$locale],
            'replaces' => (string) ($receipt['replaces'] ?? ''),
            'replacedBy' => $next === null ? '' : (string) $next['number'],
            'issuedOn' => (string) ($document['issuedOn'] ?? ''),
            'giftDate' => $giftDate,
            'donor' => ReceiptDrafts::donorName($donor),
            'siren' => (string) ($donor['siren'] ?? ''),
            'email' => (string) $receipt['email'],
            'address' => implode(', ', array_filter([(string) ($address['line1'] ?? ''), (string) ($address['line2'] ?? '')])),
            'postalCode' => (string) ($address['postalCode'] ?? ''),
            'city' => (string) ($address['city'] ?? ''),
            'country' => (string) ($address['country'] ?? ''),
            'amount' => $locale === 'fr' ? str_replace('.', ',', $amount) : $amount,
            'currency' => (string) $receipt['currency'],
            'paymentMethod' => self::METHODS[$document['paymentMethod']][$locale] ?? (string) $document['paymentMethod'],
            'orders' => implode(' ', $receipt['orderIds']),
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
