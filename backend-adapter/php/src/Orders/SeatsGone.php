<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;

/** Another buyer took the last seats between our look at the stock and our hold: said like the domain says it. */
final class SeatsGone
{
    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     */
    public static function error(array $form, array $request, string $typeId, int $available): ProtocolError
    {
        $index = 0;
        foreach (array_values($request['tickets']['items'] ?? []) as $i => $item) {
            if ($item['typeId'] === $typeId) {
                $index = $i;
                break;
            }
        }
        $type = TicketTypes::find($form, $typeId);
        $name = $type !== null ? Text::resolve($type['name'], (string) $request['locale']) : $typeId;
        $field = 'tickets.items.' . $index . '.quantity';
        $error = $available <= 0
            ? new FieldError('sold_out', $field, ['name' => $name])
            : new FieldError('not_enough_available', $field, ['name' => $name, 'available' => $available]);
        return DomainErrors::toProtocolError([$error]);
    }
}
