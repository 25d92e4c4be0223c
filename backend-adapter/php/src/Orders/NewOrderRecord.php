<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Pricing\Promo;
use Guichet\Adapter\Domain\Reservations;

/** The pending order as stored before the provider is asked anything: the quote's amounts, the hold's expiry, its members or tickets. */
final class NewOrderRecord
{
    /** How long an offline ticket order keeps its seats while the cheque or transfer is on its way. */
    public const OFFLINE_HOLD_DAYS = 14;
    /** A card payment nobody finished stops holding anything after a day. */
    private const UNFINISHED_PAYMENT_HOURS = 24;

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @param array<string, mixed> $quote
     * @return array<string, mixed>
     */
    public static function build(array $form, array $request, array $quote, \DateTimeImmutable $now, string $tokenHash): array
    {
        $offline = $request['payment']['provider'] === 'offline';
        $expiresAt = null;
        if ($form['kind'] === 'tickets') {
            $minutes = $offline ? self::OFFLINE_HOLD_DAYS * 24 * 60 : (int) ($form['tickets']['holdMinutes'] ?? 30);
            $expiresAt = Instant::format(Reservations::holdExpiresAt($now, $minutes));
        } elseif (!$offline) {
            $expiresAt = Instant::format(Reservations::holdExpiresAt($now, self::UNFINISHED_PAYMENT_HOURS * 60));
        }
        $promo = $form['kind'] === 'tickets' && is_string($request['tickets']['promoCode'] ?? null) ? Promo::find($form, $request['tickets']['promoCode']) : null;
        $id = Secrets::newOrderId();
        return [
            'id' => $id,
            'formId' => $form['id'],
            'kind' => $form['kind'],
            'status' => 'pending',
            'currency' => $quote['currency'],
            'total' => $quote['total'],
            'taxEligibleAmount' => $quote['taxEligibleAmount'],
            'refundedAmount' => 0,
            'recurring' => $quote['recurring'] ?? null,
            'lines' => $quote['lines'],
            'provider' => $request['payment']['provider'],
            'providerRef' => null,
            'paymentRef' => null,
            'subscriptionRef' => null,
            'offlineMethod' => $request['payment']['offlineMethod'] ?? null,
            'locale' => $request['locale'],
            'payer' => $request['payer'],
            'request' => $request,
            'reference' => Secrets::newReference(),
            'tokenHash' => $tokenHash,
            'next' => null,
            'promoCode' => $promo !== null ? (string) $promo['code'] : null,
            'createdAt' => Instant::format($now),
            'updatedAt' => Instant::format($now),
            'paidAt' => null,
            'expiresAt' => $expiresAt,
            'checkedAt' => null,
            'failureCode' => null,
            'members' => self::members($request),
            'tickets' => self::tickets($request),
            'history' => [],
        ];
    }

    /** @param array<string, mixed> $request @return array<int, array<string, mixed>> */
    private static function members(array $request): array
    {
        if ($request['kind'] !== 'membership') {
            return [];
        }
        $out = [];
        foreach (array_values($request['membership']['members']) as $position => $member) {
            $out[] = [
                'id' => Secrets::newItemId('mbr'),
                'tierId' => $request['membership']['tierId'],
                'position' => $position,
                'firstName' => $member['firstName'],
                'lastName' => $member['lastName'],
                'email' => $member['email'] ?? null,
                'birthDate' => $member['birthDate'] ?? null,
                'fields' => $member['fields'] ?? [],
            ];
        }
        return $out;
    }

    /** One ticket per seat; attendee names, when given, go to the tickets of their type in order. @return array<int, array<string, mixed>> */
    private static function tickets(array $request): array
    {
        if ($request['kind'] !== 'tickets') {
            return [];
        }
        $attendees = array_values($request['tickets']['attendees'] ?? []);
        $tickets = [];
        foreach ($request['tickets']['items'] as $item) {
            for ($i = 0; $i < (int) $item['quantity']; $i++) {
                $attendee = null;
                foreach ($attendees as $index => $candidate) {
                    if (($candidate['typeId'] ?? null) === $item['typeId']) {
                        $attendee = $candidate;
                        array_splice($attendees, $index, 1);
                        break;
                    }
                }
                $tickets[] = [
                    'id' => Secrets::newItemId('tkt'),
                    'typeId' => $item['typeId'],
                    'position' => count($tickets),
                    'firstName' => $attendee['firstName'] ?? null,
                    'lastName' => $attendee['lastName'] ?? null,
                    'code' => Secrets::newTicketCode(),
                    'checkedInAt' => null,
                ];
            }
        }
        return $tickets;
    }
}
