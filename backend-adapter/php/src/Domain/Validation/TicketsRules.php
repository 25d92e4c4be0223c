<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Domain\Pricing\Promo;
use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Protocol\FieldError;

/** Ticket quantities, seats, attendees and promo code (validation/tickets.ts). */
final class TicketsRules
{
    /**
     * Seats left: the host's live figure when it gives one, else the configured quota (nothing sold yet).
     * @param array<string, mixed> $type
     */
    public static function seatsLeft(array $type, OrderContext $ctx): ?int
    {
        if ($ctx->availability !== null) {
            return ($ctx->availability)((string) $type['id']);
        }
        return isset($type['quota']) ? (int) $type['quota'] : null;
    }

    /**
     * Quantities per known ticket type, in the order the payer listed them (first index kept); lines with a
     * bad quantity are left out.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return array<string, array{type: array<string, mixed>, quantity: int, index: int}>
     */
    public static function orderedQuantities(array $form, array $request): array
    {
        $result = [];
        foreach (array_values($request['tickets']['items'] ?? []) as $index => $item) {
            $type = self::type($form, $item['typeId'] ?? null);
            $quantity = $item['quantity'] ?? null;
            if ($type === null || !Js::isSafeInteger($quantity) || $quantity < 0) {
                continue;
            }
            $id = (string) $type['id'];
            if (isset($result[$id])) {
                $result[$id]['quantity'] += Js::toInt($quantity);
            } else {
                $result[$id] = ['type' => $type, 'quantity' => Js::toInt($quantity), 'index' => $index];
            }
        }
        return $result;
    }

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return FieldError[]
     */
    public static function validate(array $form, array $request, OrderContext $ctx): array
    {
        $errors = [];
        $settings = $form['tickets'];
        $items = array_values($request['tickets']['items'] ?? []);

        $itemsValid = true;
        foreach ($items as $index => $item) {
            if (self::type($form, $item['typeId'] ?? null) === null) {
                $errors[] = new FieldError('ticket_type_not_found', 'tickets.items.' . $index . '.typeId');
                $itemsValid = false;
            }
            $quantity = $item['quantity'] ?? null;
            if (!Js::isSafeInteger($quantity) || $quantity < 0) {
                $errors[] = new FieldError('quantity_invalid', 'tickets.items.' . $index . '.quantity');
                $itemsValid = false;
            }
        }

        $quantities = self::orderedQuantities($form, $request);
        $total = 0;
        foreach ($quantities as $entry) {
            $quantity = $entry['quantity'];
            if ($quantity === 0) {
                continue;
            }
            $total += $quantity;
            $type = $entry['type'];
            $at = 'tickets.items.' . $entry['index'] . '.quantity';
            $name = Text::resolve($type['name'], $ctx->locale);
            $left = self::seatsLeft($type, $ctx);
            if (isset($type['maxPerOrder']) && $quantity > (int) $type['maxPerOrder']) {
                $errors[] = new FieldError('quantity_too_large', $at, ['max' => (int) $type['maxPerOrder']]);
            } elseif ($left !== null && $left <= 0) {
                $errors[] = new FieldError('sold_out', $at, ['name' => $name]);
            } elseif ($left !== null && $quantity > $left) {
                $errors[] = new FieldError('not_enough_available', $at, ['name' => $name, 'available' => $left]);
            }
        }
        if ($items === [] || ($itemsValid && $total === 0)) {
            $errors[] = new FieldError('no_tickets_selected', 'tickets.items');
        } elseif ($total > (int) $settings['maxPerOrder']) {
            $errors[] = new FieldError('quantity_too_large', 'tickets.items', ['max' => (int) $settings['maxPerOrder']]);
        }

        if (!empty($settings['attendeeNames']) && $total > 0) {
            array_push($errors, ...self::validateAttendees($request, $quantities));
        }

        $typed = $request['tickets']['promoCode'] ?? null;
        if (is_string($typed) && Js::trim($typed) !== '') {
            $promo = Promo::find($form, $typed);
            $orderedTypeIds = [];
            foreach ($quantities as $id => $entry) {
                if ($entry['quantity'] > 0) {
                    $orderedTypeIds[] = (string) $id;
                }
            }
            $uses = $promo !== null && $ctx->promoUses !== null ? (int) ($ctx->promoUses)((string) $promo['code']) : 0;
            $problem = Promo::problem($promo, $ctx->now, $uses, $orderedTypeIds);
            if ($problem !== null) {
                $errors[] = new FieldError($problem, 'tickets.promoCode');
            }
        }

        array_push($errors, ...CustomFields::validate($settings['fields'] ?? [], $request['tickets']['fields'] ?? null, 'tickets.fields', $ctx->locale));
        return $errors;
    }

    /**
     * Exactly one name per ticket, of the right type.
     * @param array<string, mixed> $request
     * @param array<string, array{type: array<string, mixed>, quantity: int, index: int}> $quantities
     * @return FieldError[]
     */
    private static function validateAttendees(array $request, array $quantities): array
    {
        $errors = [];
        $attendees = array_values($request['tickets']['attendees'] ?? []);
        $named = [];
        foreach ($attendees as $attendee) {
            $typeId = (string) ($attendee['typeId'] ?? '');
            $named[$typeId] = ($named[$typeId] ?? 0) + 1;
        }
        $matches = true;
        foreach ($quantities as $id => $entry) {
            $matches = $matches && ($named[(string) $id] ?? 0) === $entry['quantity'];
        }
        foreach (array_keys($named) as $typeId) {
            $matches = $matches && isset($quantities[(string) $typeId]);
        }
        if (!$matches) {
            $errors[] = new FieldError('attendee_names_required', 'tickets.attendees');
        }
        foreach ($attendees as $index => $attendee) {
            Payer::requireText($errors, $attendee['firstName'] ?? null, Payer::LIMITS['name'], 'tickets.attendees.' . $index . '.firstName');
            Payer::requireText($errors, $attendee['lastName'] ?? null, Payer::LIMITS['name'], 'tickets.attendees.' . $index . '.lastName');
        }
        return $errors;
    }

    /**
     * @param array<string, mixed> $form
     * @param mixed $typeId
     * @return array<string, mixed>|null
     */
    public static function type(array $form, $typeId): ?array
    {
        foreach ($form['tickets']['types'] as $type) {
            if ($type['id'] === $typeId) {
                return $type;
            }
        }
        return null;
    }
}
