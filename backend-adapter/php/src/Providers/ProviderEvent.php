<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/**
 * A normalised provider event: with authorised back-office actions, the only way an order's status moves.
 * Types: payment_succeeded, payment_processing, payment_failed, payment_expired, refunded, disputed,
 * renewal_paid, renewal_failed, subscription_ended (ProviderEventType in types.ts).
 */
final class ProviderEvent
{
    /** The provider's own event id: the adapter applies each id once. */
    public string $id;
    public string $type;
    /** Provider object the order was started with (checkout session, payment intent, simulation payment…). */
    public ?string $providerRef;
    /** Our order id when the provider echoes it back (metadata, client_reference_id). */
    public ?string $orderId;
    /** Minor units, for refunds and renewals. */
    public ?int $amount;
    public \DateTimeImmutable $occurredAt;
    public ?string $failureCode;
    /**
     * The provider's payment object when it differs from providerRef (Stripe: the payment intent behind a
     * checkout session): later refunds and disputes may carry only this one.
     */
    public ?string $paymentRef = null;
    /** The provider's subscription, for recurring orders: renewals and the subscription's end carry it. */
    public ?string $subscriptionRef = null;

    public function __construct(
        string $id,
        string $type,
        \DateTimeImmutable $occurredAt,
        ?string $providerRef = null,
        ?string $orderId = null,
        ?int $amount = null,
        ?string $failureCode = null
    ) {
        $this->id = $id;
        $this->type = $type;
        $this->occurredAt = $occurredAt;
        $this->providerRef = $providerRef;
        $this->orderId = $orderId;
        $this->amount = $amount;
        $this->failureCode = $failureCode;
    }
}
