<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;

/**
 * The domain's verdict as one protocol error (orders/domain-errors.ts): a lone top-level error as itself;
 * field errors sharing one code that has its own HTTP status (sold_out, not_enough_available) under that
 * code; anything else as 422 validation_failed listing every field.
 */
final class DomainErrors
{
    /** @param FieldError[] $errors */
    public static function toProtocolError(array $errors): ProtocolError
    {
        $first = $errors[0] ?? null;
        if ($first !== null && count($errors) === 1 && $first->field === null) {
            return new ProtocolError($first->code, $first->params);
        }
        $codes = array_unique(array_map(static function (FieldError $e): string {
            return $e->code;
        }, $errors));
        if ($first !== null && count($codes) === 1 && in_array($first->code, ['sold_out', 'not_enough_available'], true)) {
            return new ProtocolError($first->code, $first->params, $first->field, $errors);
        }
        return ProtocolError::validation($errors);
    }
}
