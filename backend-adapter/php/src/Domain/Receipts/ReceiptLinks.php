<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

/**
 * Signed links to a receipt's PDF (receipts/receipt-links.ts): HMAC-SHA-256 hex of `receipt:<id>` under the
 * site's secret, compared in constant time.
 */
final class ReceiptLinks
{
    public static function token(string $secret, string $receiptId): string
    {
        if ($secret === '') {
            throw new \InvalidArgumentException('A receipt link needs the site secret');
        }
        return hash_hmac('sha256', 'receipt:' . $receiptId, $secret);
    }

    public static function verify(string $secret, string $receiptId, string $token): bool
    {
        if ($secret === '' || !preg_match('/^[0-9a-f]{64}$/D', $token)) {
            return false;
        }
        return hash_equals(self::token($secret, $receiptId), $token);
    }
}
