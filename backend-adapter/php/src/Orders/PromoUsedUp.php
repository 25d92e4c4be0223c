<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Pricing\Promo;
use Guichet\Adapter\Ports\Storage;
use Guichet\Adapter\Protocol\FieldError;

/**
 * A promo code's maxUses checked again inside the order's transaction (orders/promo-used-up.ts): OrderPrice's
 * early count gives the payer a fast answer, this one, under the storage's lock, is the one that holds when
 * buyers race for the last uses. Said like the domain says it.
 */
final class PromoUsedUp
{
    /**
     * Call first in the order's transaction, before insertOrder.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $order
     */
    public static function check(Storage $storage, array $form, array $order): void
    {
        $code = $order['promoCode'] ?? null;
        if (!is_string($code) || $form['kind'] !== 'tickets') {
            return;
        }
        $promo = Promo::find($form, $code);
        if ($promo === null || !isset($promo['maxUses'])) {
            return;
        }
        if ($storage->promoCodeUsesForUpdate((string) $form['id'], $code) >= (int) $promo['maxUses']) {
            throw DomainErrors::toProtocolError([new FieldError('promo_code_exhausted', 'tickets.promoCode')]);
        }
    }
}
