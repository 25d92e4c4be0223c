<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Protocol\FieldError;

/**
 * The editor's own questions (validation/custom-fields.ts). Their labels are not in the catalogue, so each
 * error carries the label in the payer's language as `{field}`. Values for questions the form does not ask
 * are ignored; a required checkbox must be ticked.
 */
final class CustomFields
{
    private const DEFAULT_MAX_LENGTH = 2000;

    /**
     * @param array<int, array<string, mixed>> $fields
     * @param mixed $values the request's record of values, or null
     * @return FieldError[]
     */
    public static function validate(array $fields, $values, string $path, string $locale): array
    {
        $errors = [];
        $values = is_array($values) ? $values : [];
        foreach ($fields as $field) {
            $id = (string) $field['id'];
            $value = array_key_exists($id, $values) ? $values[$id] : null;
            $at = $path . '.' . $id;
            $label = ['field' => Text::resolve($field['label'] ?? '', $locale)];
            if ($value === null || $value === false || (is_string($value) && Js::trim($value) === '')) {
                if (($field['required'] ?? false) === true) {
                    $errors[] = new FieldError('required', $at, $label);
                }
                continue;
            }
            switch ($field['type']) {
                case 'text':
                    $max = (int) ($field['maxLength'] ?? self::DEFAULT_MAX_LENGTH);
                    if (!is_string($value)) {
                        $errors[] = new FieldError('invalid_choice', $at, $label);
                    } elseif (Js::length($value) > $max) {
                        $errors[] = new FieldError('too_long', $at, $label + ['max' => $max]);
                    }
                    break;
                case 'choice':
                    $offered = false;
                    foreach ($field['options'] ?? [] as $option) {
                        $offered = $offered || (is_string($value) && $option['value'] === $value);
                    }
                    if (!$offered) {
                        $errors[] = new FieldError('invalid_choice', $at, $label);
                    }
                    break;
                case 'date':
                    if (!is_string($value) || !Fields::isValidDate($value)) {
                        $errors[] = new FieldError('invalid_date', $at, $label);
                    }
                    break;
                case 'checkbox':
                    if (!is_bool($value)) {
                        $errors[] = new FieldError('invalid_choice', $at, $label);
                    }
                    break;
            }
        }
        return $errors;
    }
}
