<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

/**
 * Which orders earn a tax receipt and for how much (docs/receipts.md, "What is issued, and when"): donations
 * and memberships whose payer asked for one, on a form that issues them, in euros (the cerfa's currency).
 * Tickets never do. The amount is the order's taxEligibleAmount less what was refunded.
 */
final class ReceiptEligibility
{
    /**
     * Whether the order is of a kind, a form and a request that issue receipts at all (one-off or recurring).
     * @param array<string, mixed> $order
     * @param array<string, mixed>|null $form
     */
    public static function asked(array $order, ?array $form): bool
    {
        $kind = (string) ($order['kind'] ?? '');
        if (($kind !== 'donation' && $kind !== 'membership') || ($order['currency'] ?? '') !== 'EUR') {
            return false;
        }
        if ($form === null || empty($form['taxReceipt']['enabled'])) {
            return false;
        }
        return (($order['request'][$kind]['taxReceipt'] ?? false) === true);
    }

    /** The form's smallest amount worth a receipt (minor units; at least one cent). @param array<string, mixed>|null $form */
    public static function minimum(?array $form): int
    {
        return max(1, (int) ($form['taxReceipt']['minimumAmount'] ?? 0));
    }

    /** What is left to certify of an order: its eligible part less the refunds. @param array<string, mixed> $order */
    public static function amount(array $order): int
    {
        return max(0, (int) ($order['taxEligibleAmount'] ?? 0) - (int) ($order['refundedAmount'] ?? 0));
    }

    /**
     * The amount of the `payment` receipt a paid one-off order earns, or null when it earns none.
     * @param array<string, mixed> $order
     * @param array<string, mixed>|null $form
     */
    public static function oneOffAmount(array $order, ?array $form): ?int
    {
        if (!empty($order['recurring']) || ($order['status'] ?? '') !== 'paid' || !self::asked($order, $form)) {
            return null;
        }
        $amount = self::amount($order);
        return $amount >= self::minimum($form) ? $amount : null;
    }
}
