<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

/** A tickets form's ticket types, looked up by id. */
final class TicketTypes
{
    /** @param array<string, mixed> $form @return array<string, mixed>|null */
    public static function find(array $form, string $typeId): ?array
    {
        foreach ($form['tickets']['types'] ?? [] as $type) {
            if ($type['id'] === $typeId) {
                return $type;
            }
        }
        return null;
    }
}
