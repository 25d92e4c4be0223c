<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Stripe;

use Guichet\Adapter\Providers\ProviderEvent;

/**
 * Stripe events → normalised events (providers/stripe/events.ts). One Stripe event gives at most one
 * ProviderEvent carrying the Stripe event id, so a redelivery is a duplicate; types Guichet does not act on
 * give none (acknowledged, nothing moves).
 */
final class StripeEvents
{
    /** @param mixed $ref */
    private static function idOf($ref): ?string
    {
        if (is_string($ref)) {
            return $ref;
        }
        return is_array($ref) && isset($ref['id']) ? (string) $ref['id'] : null;
    }

    /** @param mixed $metadata */
    private static function orderIdIn($metadata): ?string
    {
        $id = is_array($metadata) ? ($metadata[Checkout::METADATA_ORDER_ID] ?? null) : null;
        return is_string($id) && $id !== '' ? $id : null;
    }

    /** @param array<string, mixed> $event */
    private static function base(array $event, string $type): ProviderEvent
    {
        $at = (new \DateTimeImmutable('@' . (int) $event['created']))->setTimezone(new \DateTimeZone('UTC'));
        return new ProviderEvent((string) $event['id'], $type, $at);
    }

    /** @param array<string, mixed> $event @param array<string, mixed> $session */
    private static function fromSession(array $event, string $type, array $session): ProviderEvent
    {
        $out = self::base($event, $type);
        $out->providerRef = (string) $session['id'];
        $out->orderId = isset($session['client_reference_id']) && is_string($session['client_reference_id'])
            ? $session['client_reference_id'] : self::orderIdIn($session['metadata'] ?? null);
        $out->amount = isset($session['amount_total']) ? (int) $session['amount_total'] : null;
        $out->paymentRef = self::idOf($session['payment_intent'] ?? null);
        $out->subscriptionRef = self::idOf($session['subscription'] ?? null);
        return $out;
    }

    /** @param array<string, mixed> $event @param array<string, mixed> $invoice */
    private static function fromInvoice(array $event, string $type, array $invoice, int $amount): ProviderEvent
    {
        $details = $invoice['parent']['subscription_details'] ?? null;
        $out = self::base($event, $type);
        $out->amount = $amount;
        $out->orderId = self::orderIdIn(is_array($details) ? ($details['metadata'] ?? null) : null);
        $out->subscriptionRef = self::idOf(is_array($details) ? ($details['subscription'] ?? null) : null);
        return $out;
    }

    /**
     * @param array<string, mixed> $event a verified, decoded Stripe event
     * @return ProviderEvent[]
     */
    public static function map(array $event): array
    {
        $object = $event['data']['object'];
        switch ($event['type']) {
            case 'checkout.session.completed':
                // Delayed methods (SEPA Direct Debit) complete the session unpaid: the money arrives days later.
                $type = ($object['payment_status'] ?? null) === 'unpaid' ? 'payment_processing' : 'payment_succeeded';
                return [self::fromSession($event, $type, $object)];
            case 'checkout.session.async_payment_succeeded':
                return [self::fromSession($event, 'payment_succeeded', $object)];
            case 'checkout.session.async_payment_failed':
                $failed = self::fromSession($event, 'payment_failed', $object);
                $failed->failureCode = 'async_payment_failed';
                return [$failed];
            case 'checkout.session.expired':
                return [self::fromSession($event, 'payment_expired', $object)];
            case 'payment_intent.payment_failed':
                $out = self::base($event, 'payment_failed');
                $out->paymentRef = (string) $object['id'];
                $out->amount = (int) $object['amount'];
                $out->orderId = self::orderIdIn($object['metadata'] ?? null);
                $error = $object['last_payment_error'] ?? null;
                $out->failureCode = (string) ($error['decline_code'] ?? $error['code'] ?? 'payment_failed');
                return [$out];
            case 'charge.refunded':
                // amount_refunded is the running total, so a replayed or reordered partial refund never counts twice.
                $out = self::base($event, 'refunded');
                $out->amount = (int) $object['amount_refunded'];
                $out->orderId = self::orderIdIn($object['metadata'] ?? null);
                $out->paymentRef = self::idOf($object['payment_intent'] ?? null);
                return [$out];
            case 'charge.dispute.created':
                $out = self::base($event, 'disputed');
                $out->amount = (int) $object['amount'];
                $out->paymentRef = self::idOf($object['payment_intent'] ?? null);
                return [$out];
            case 'invoice.paid':
                // The first invoice is the checkout itself; only later cycles are renewals.
                if (($object['billing_reason'] ?? null) !== 'subscription_cycle') {
                    return [];
                }
                return [self::fromInvoice($event, 'renewal_paid', $object, (int) $object['amount_paid'])];
            case 'invoice.payment_failed':
                if (($object['billing_reason'] ?? null) !== 'subscription_cycle') {
                    return [];
                }
                $out = self::fromInvoice($event, 'renewal_failed', $object, (int) $object['amount_due']);
                $out->failureCode = 'renewal_failed';
                return [$out];
            case 'customer.subscription.deleted':
                $out = self::base($event, 'subscription_ended');
                $out->subscriptionRef = (string) $object['id'];
                $out->orderId = self::orderIdIn($object['metadata'] ?? null);
                return [$out];
            default:
                return [];
        }
    }
}
