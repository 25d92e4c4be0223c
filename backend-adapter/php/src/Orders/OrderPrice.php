<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Domain\Pricing\Pricing;
use Guichet\Adapter\Domain\Pricing\Promo;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;

/** The server's own price for a request, with live seat counts and promo-code uses read from storage. */
final class OrderPrice
{
    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return array<string, mixed> the Quote
     */
    public static function quote(OrdersContext $ctx, array $form, array $request, \DateTimeImmutable $now): array
    {
        if (array_key_exists('currency', $request)) {
            // v1 requests carry no currency; one that names another currency than the form's gets a clear
            // message, the form's own is an unknown property like any other (as orders/order-request-checks.ts).
            if ($request['currency'] !== $form['currency']) {
                throw ProtocolError::validation([new FieldError('currency_mismatch', 'currency', ['currency' => $form['currency']])]);
            }
            throw new ProtocolError('bad_request', [], 'currency');
        }
        $availability = null;
        $uses = 0;
        if ($form['kind'] === 'tickets') {
            $counts = $ctx->storage->seatCounts($form['id'], $now);
            $availability = static function (string $typeId) use ($form, $counts): ?int {
                $type = TicketTypes::find($form, $typeId);
                if ($type === null || !isset($type['quota'])) {
                    return null;
                }
                $count = $counts[$typeId] ?? ['sold' => 0, 'held' => 0];
                return max(0, (int) $type['quota'] - $count['sold'] - $count['held']);
            };
            $typed = $request['tickets']['promoCode'] ?? null;
            $configured = is_string($typed) ? Promo::find($form, $typed) : null;
            if ($configured !== null) {
                $uses = $ctx->storage->promoCodeUses($form['id'], (string) $configured['code']);
            }
        }
        $result = Pricing::quoteOrder($form, $request, new OrderContext($now, (string) $request['locale'], $availability, static function () use ($uses): int {
            return $uses;
        }));
        if (!$result['ok']) {
            throw DomainErrors::toProtocolError($result['errors']);
        }
        return $result['quote'];
    }
}
