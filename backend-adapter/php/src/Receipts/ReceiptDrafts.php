<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\Adapter\Domain\Receipts\ReceiptDocuments;

/**
 * The drafts (keys of ReceiptDraft) the service hands the store, one function per kind of receipt. The
 * document is built by the domain from the issuer as it is now, and frozen in the receipt.
 */
final class ReceiptDrafts
{
    /**
     * A one-off order's receipt, or null when the payer gave no postal address (the cerfa needs one).
     * @param array<string, mixed> $order
     * @param array<string, mixed> $issuer
     * @return array<string, mixed>|null
     */
    public static function payment(array $order, int $amount, array $issuer, \DateTimeImmutable $now): ?array
    {
        $donor = ReceiptDocuments::donor((array) ($order['request'] ?? []));
        if ($donor === null) {
            return null;
        }
        $paidAt = Instant::of($order['paidAt'] ?? $now);
        $document = ReceiptDocuments::build([
            'issuer' => $issuer,
            'donor' => $donor,
            'amount' => $amount,
            'currency' => 'EUR',
            'paidOn' => ReceiptDates::day($paidAt),
            'paymentMethod' => ReceiptDocuments::paymentMethod((string) $order['provider'], $order['offlineMethod'] ?? null),
            'issuedAt' => $now,
        ]);
        return self::draft('payment:' . $order['id'], 'payment', [(string) $order['id']], (string) $order['payer']['email'], $issuer, $document, $now, null);
    }

    /**
     * One donor's yearly receipt for their recurring gifts, from an AnnualSummaries summary; null without address.
     * @param array<string, mixed> $summary {email, orderIds, amount, debits, donor, from, to}
     * @param array<string, mixed> $issuer
     * @return array<string, mixed>|null
     */
    public static function annual(int $year, array $summary, string $paymentMethod, array $issuer, \DateTimeImmutable $now): ?array
    {
        if (empty($summary['donor'])) {
            return null;
        }
        $document = ReceiptDocuments::build([
            'issuer' => $issuer,
            'donor' => $summary['donor'],
            'amount' => (int) $summary['amount'],
            'currency' => 'EUR',
            'period' => ['from' => (string) $summary['from'], 'to' => (string) $summary['to']],
            'paymentMethod' => $paymentMethod,
            'issuedAt' => $now,
        ]);
        $email = (string) $summary['email'];
        return self::draft('annual:' . $year . ':' . strtolower($email), 'annual', $summary['orderIds'], $email, $issuer, $document, $now, null);
    }

    /**
     * A correction (new donor or new amount) or a cancellation of $old, naming it ("annule et remplace").
     * @param array<string, mixed> $old the receipt replaced
     * @param array<string, mixed> $issuer
     * @param array<string, mixed>|null $donor null: the old receipt's
     * @return array<string, mixed>
     */
    public static function replacement(string $kind, array $old, array $issuer, \DateTimeImmutable $now, ?array $donor = null, ?int $amount = null): array
    {
        $before = $old['document'];
        $input = [
            'issuer' => $issuer,
            'donor' => $donor ?? $before['donor'],
            // A cancellation states the amount it cancels.
            'amount' => $amount ?? (int) $old['amount'],
            'currency' => 'EUR',
            'paymentMethod' => $before['paymentMethod'],
            'issuedAt' => $now,
            'replaces' => ['number' => (string) $old['number'], 'reason' => $kind === 'cancellation' ? 'cancellation' : 'correction'],
        ];
        foreach (['paidOn', 'period'] as $key) {
            if (isset($before[$key])) {
                $input[$key] = $before[$key];
            }
        }
        $document = ReceiptDocuments::build($input);
        $key = ($kind === 'cancellation' ? 'cancel:' : 'correct:') . $old['number'] . ($kind === 'cancellation' ? '' : ':1');
        return self::draft($key, $kind, $old['orderIds'], (string) $old['email'], $issuer, $document, $now, (string) $old['number']);
    }

    /**
     * The issuer a receipt was issued under, as its frozen document tells: a cancellation still names the
     * association even if its settings were emptied since.
     * @param array<string, mixed> $receipt
     * @return array<string, mixed>
     */
    public static function issuerOf(array $receipt): array
    {
        $document = $receipt['document'];
        $issuer = $document['beneficiary'] + ['signatory' => $document['signatory']];
        if (isset($document['signatureImage'])) {
            $issuer['signatureImage'] = $document['signatureImage'];
        }
        if (!empty($receipt['prefix'])) {
            $issuer['prefix'] = $receipt['prefix'];
        }
        return $issuer;
    }

    /** "Prénom Nom" or the company. @param array<string, mixed> $donor */
    public static function donorName(array $donor): string
    {
        if (($donor['type'] ?? '') === 'company') {
            return (string) $donor['name'];
        }
        return trim($donor['firstName'] . ' ' . $donor['lastName']);
    }

    /**
     * @param string[] $orderIds
     * @param array<string, mixed> $issuer
     * @param array<string, mixed> $document
     * @return array<string, mixed>
     */
    private static function draft(string $issueKey, string $kind, array $orderIds, string $email, array $issuer, array $document, \DateTimeImmutable $now, ?string $replaces): array
    {
        return [
            'issueKey' => $issueKey,
            'kind' => $kind,
            'year' => ReceiptDates::year($now),
            'prefix' => isset($issuer['prefix']) && $issuer['prefix'] !== '' ? (string) $issuer['prefix'] : null,
            'replaces' => $replaces,
            'orderIds' => array_values(array_map('strval', $orderIds)),
            'email' => $email,
            'donorName' => self::donorName($document['donor']),
            'amount' => (int) $document['amount'],
            'currency' => 'EUR',
            'issuedAt' => Instant::format($now),
            'document' => $document,
        ];
    }
}
