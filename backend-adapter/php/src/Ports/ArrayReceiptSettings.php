<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * ReceiptSettings from plain values: for tests, and for hosts that keep the issuer in one option. The URL is
 * $urlPattern with {id} and {token} replaced (URL-encoded).
 */
final class ArrayReceiptSettings implements ReceiptSettings
{
    /** @var array<string, mixed>|null */
    private ?array $issuer;
    private string $secret;
    private string $urlPattern;

    /** @param array<string, mixed>|null $issuer keys of ReceiptIssuer, null while not filled in */
    public function __construct(?array $issuer, string $secret, string $urlPattern)
    {
        $this->issuer = $issuer;
        $this->secret = $secret;
        $this->urlPattern = $urlPattern;
    }

    public function receiptIssuer(): ?array
    {
        return $this->issuer;
    }

    public function receiptLinkSecret(): string
    {
        return $this->secret;
    }

    public function receiptUrl(string $receiptId, string $token): string
    {
        return strtr($this->urlPattern, ['{id}' => rawurlencode($receiptId), '{token}' => rawurlencode($token)]);
    }
}
