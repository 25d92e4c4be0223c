<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** What the association set up for its tax receipts (WordPress options, SPIP metas, a config file…). */
interface ReceiptSettings
{
    /**
     * The issuer (keys of ReceiptIssuer in backend-adapter/src/domain/receipts/types.ts), or null while the
     * treasurer has not filled in what a receipt must say: no receipt is issued then, and the back-office says why.
     * @return array<string, mixed>|null
     */
    public function receiptIssuer(): ?array;

    /** Signs the receipts' download links (≥ 32 random bytes, kept with the site's other secrets). */
    public function receiptLinkSecret(): string;

    /** Absolute URL of a receipt's PDF for the given id and token (a REST route, a SPIP action…). */
    public function receiptUrl(string $receiptId, string $token): string;
}
