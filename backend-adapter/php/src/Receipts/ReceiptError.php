<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

/**
 * A back-office receipt action that cannot be done as asked. $reason is stable for hosts to translate:
 * receipt_not_found, receipt_replaced (already corrected or cancelled), receipt_is_cancellation,
 * issuer_not_configured, invalid_donor (then $errors lists {code, field}).
 */
final class ReceiptError extends \RuntimeException
{
    public string $reason;
    /** @var array<int, array<string, mixed>> */
    public array $errors;

    /** @param array<int, array<string, mixed>> $errors */
    public function __construct(string $reason, string $message, array $errors = [])
    {
        parent::__construct($message);
        $this->reason = $reason;
        $this->errors = $errors;
    }
}
