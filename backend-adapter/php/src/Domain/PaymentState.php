<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/**
 * The payment state machine, the PHP twin of domain/payment-state.ts. Only a verified provider event or an
 * authorised back-office action moves an order; an event whose result is already the current status is a
 * duplicate (providers redeliver), not an error.
 */
final class PaymentState
{
    public const EVENTS = [
        'payment_succeeded',
        'payment_failed',
        'expired',
        'refunded',
        'dispute_opened',
        'dispute_won',
        'dispute_lost',
    ];

    public const STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded', 'disputed'];

    /**
     * from → event → to. failed/expired → paid because money a provider took late must still be recorded;
     * disputed → paid when the dispute is won, → refunded when it is lost. Absent moves are illegal.
     */
    private const TABLE = [
        'pending' => ['payment_succeeded' => 'paid', 'payment_failed' => 'failed', 'expired' => 'expired'],
        'failed' => ['payment_succeeded' => 'paid'],
        'expired' => ['payment_succeeded' => 'paid'],
        'paid' => ['refunded' => 'refunded', 'dispute_opened' => 'disputed'],
        'disputed' => ['dispute_won' => 'paid', 'dispute_lost' => 'refunded'],
        'refunded' => [],
    ];

    private const RESULT_OF = [
        'payment_succeeded' => 'paid',
        'payment_failed' => 'failed',
        'expired' => 'expired',
        'refunded' => 'refunded',
        'dispute_opened' => 'disputed',
        'dispute_won' => 'paid',
        'dispute_lost' => 'refunded',
    ];

    /**
     * @return array{ok: true, to: string, duplicate: bool}|array{ok: false, code: string, from: string, event: string}
     */
    public static function transition(string $from, string $event): array
    {
        $to = self::TABLE[$from][$event] ?? null;
        if ($to !== null) {
            return ['ok' => true, 'to' => $to, 'duplicate' => false];
        }
        if ((self::RESULT_OF[$event] ?? null) === $from) {
            return ['ok' => true, 'to' => $from, 'duplicate' => true];
        }
        return ['ok' => false, 'code' => 'illegal_transition', 'from' => $from, 'event' => $event];
    }

    /** The status an event leads to, for messages such as "pending → refunded". */
    public static function resultOf(string $event): ?string
    {
        return self::RESULT_OF[$event] ?? null;
    }

    public static function isFinalStatus(string $status): bool
    {
        return isset(self::TABLE[$status]) && self::TABLE[$status] === [];
    }
}
