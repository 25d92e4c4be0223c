<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Receipts\ReceiptChain;
use Guichet\Adapter\Domain\Receipts\ReceiptNumbers;

/**
 * The part of issuing a receipt that is the same in every store: checking the draft, then sealing it once the
 * store has allocated its sequence, position and previous hash under its lock. Hosts writing their own
 * Ports\ReceiptStore (WordPress's $wpdb, SPIP's sql_*) call these two so every store seals alike.
 */
final class ReceiptRecords
{
    public const KINDS = ['payment', 'annual', 'correction', 'cancellation'];
    public const FIRST_PREV_HASH = '0000000000000000000000000000000000000000000000000000000000000000';

    /**
     * The draft with issuedAt as Instant text, or an exception naming what is wrong (a programming error).
     * @param array<string, mixed> $draft
     * @return array<string, mixed>
     */
    public static function checkDraft(array $draft): array
    {
        foreach (['issueKey', 'kind', 'year', 'orderIds', 'email', 'amount', 'currency', 'issuedAt', 'document'] as $key) {
            if (!array_key_exists($key, $draft)) {
                throw new \InvalidArgumentException('A receipt draft needs ' . $key);
            }
        }
        if (!is_string($draft['issueKey']) || $draft['issueKey'] === '' || strlen($draft['issueKey']) > 255) {
            throw new \InvalidArgumentException('A receipt draft needs an issueKey of 1 to 255 bytes');
        }
        if (!in_array($draft['kind'], self::KINDS, true)) {
            throw new \InvalidArgumentException('Unknown receipt kind');
        }
        if (!is_int($draft['year']) || $draft['year'] < 2000 || $draft['year'] > 9999) {
            throw new \InvalidArgumentException('A receipt year is a four-digit integer');
        }
        if (!is_int($draft['amount']) || $draft['amount'] < 0) {
            throw new \InvalidArgumentException('A receipt amount is a non-negative integer in minor units');
        }
        if (!is_array($draft['orderIds']) || !is_array($draft['document'])) {
            throw new \InvalidArgumentException('orderIds and document are arrays');
        }
        $draft['issuedAt'] = Instant::format(Instant::of($draft['issuedAt']));
        $draft['orderIds'] = array_values(array_map('strval', $draft['orderIds']));
        $draft += ['prefix' => null, 'replaces' => null, 'donorName' => ''];
        return $draft;
    }

    /** A fresh receipt id: `rcp_` and 24 hex digits (unguessable enough for a signed link). */
    public static function newId(): string
    {
        return 'rcp_' . bin2hex(random_bytes(12));
    }

    /**
     * The receipt as stored: number, sequence, position, prevHash and hash added to the checked draft.
     * @param array<string, mixed> $draft from checkDraft()
     * @return array<string, mixed>
     */
    public static function seal(array $draft, string $id, int $sequence, int $position, string $prevHash): array
    {
        $prefix = $draft['prefix'] === null || $draft['prefix'] === '' ? null : (string) $draft['prefix'];
        $record = $draft + [];
        $record['id'] = $id;
        $record['number'] = ReceiptNumbers::format((int) $draft['year'], $sequence, $prefix);
        $record['sequence'] = $sequence;
        $record['position'] = $position;
        $record['prevHash'] = $prevHash;
        $record['hash'] = ReceiptChain::hash($prevHash, $record);
        return $record;
    }

    /**
     * Whether a receipt matches a listReceipts() filter (year, orderId, email case-insensitive, replaces).
     * @param array<string, mixed> $receipt
     * @param array<string, mixed> $filter
     */
    public static function matches(array $receipt, array $filter): bool
    {
        if (isset($filter['year']) && (int) $receipt['year'] !== (int) $filter['year']) {
            return false;
        }
        if (isset($filter['orderId']) && !in_array((string) $filter['orderId'], $receipt['orderIds'], true)) {
            return false;
        }
        if (isset($filter['email']) && strtolower((string) $receipt['email']) !== strtolower((string) $filter['email'])) {
            return false;
        }
        if (isset($filter['replaces']) && $receipt['replaces'] !== (string) $filter['replaces']) {
            return false;
        }
        return true;
    }
}
