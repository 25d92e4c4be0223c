<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** What a provider needs to know about the order it is asked to charge. Amounts were recomputed by the server. */
final class PaymentRequest
{
    public string $orderId;
    public string $formId;
    /** 'donation' | 'membership' | 'tickets' */
    public string $kind;
    public string $currency;
    public int $total;
    /** @var array<int, array<string, mixed>> OrderLine objects */
    public array $lines;
    /** @var array{interval: string}|null */
    public ?array $recurring;
    /** @var array<string, mixed> the Payer object */
    public array $payer;
    public string $locale;
    /** Where the payer comes back after a hosted page or a redirect. */
    public string $returnUrl;
    /**
     * 'redirect' when no script runs in the payer's browser: a provider with a hosted payment page answers a
     * redirect to it; one without answers as for the widget and the host renders the step. Else 'widget'.
     */
    public string $flow;
    /** Where a payer who leaves a hosted page without paying goes back to (the form's page); null: $returnUrl. */
    public ?string $cancelUrl;
    /** Stable per order and operation, so a retried call never charges twice. */
    public string $idempotencyKey;
    /** 'cheque' | 'transfer' | 'cash' for the offline provider */
    public ?string $offlineMethod;
    /** Human reference printed on cheques and transfers, and shown to the treasurer. */
    public string $reference;
    /**
     * When the order's hold ends (tickets): the provider stops taking the payment then, or as close after as it
     * can (Stripe needs at least 30 minutes) and reports the time it really used in ProviderCommand::$expiresAt.
     */
    public ?\DateTimeImmutable $expiresAt;

    /** @param array<string, mixed> $fields the properties above, by name */
    public function __construct(array $fields)
    {
        $this->orderId = (string) $fields['orderId'];
        $this->formId = (string) $fields['formId'];
        $this->kind = (string) $fields['kind'];
        $this->currency = (string) $fields['currency'];
        $this->total = (int) $fields['total'];
        $this->lines = $fields['lines'] ?? [];
        $this->recurring = $fields['recurring'] ?? null;
        $this->payer = $fields['payer'] ?? [];
        $this->locale = (string) ($fields['locale'] ?? 'fr');
        $this->returnUrl = (string) ($fields['returnUrl'] ?? '');
        $this->flow = ($fields['flow'] ?? 'widget') === 'redirect' ? 'redirect' : 'widget';
        $this->cancelUrl = $fields['cancelUrl'] ?? null;
        $this->idempotencyKey = (string) $fields['idempotencyKey'];
        $this->offlineMethod = $fields['offlineMethod'] ?? null;
        $this->reference = (string) ($fields['reference'] ?? $fields['orderId']);
        $this->expiresAt = $fields['expiresAt'] ?? null;
    }
}
