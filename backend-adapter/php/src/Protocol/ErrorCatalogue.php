<?php

declare(strict_types=1);

namespace Guichet\Adapter\Protocol;

use Guichet\Adapter\DataFiles;

/**
 * The protocol's FR/EN error catalogue, read from the same error-messages.json as the TypeScript hosts, and
 * rendered exactly like errorMessage() in backend-adapter/src/protocol/errors.ts.
 */
final class ErrorCatalogue
{
    /** HTTP status of each top-level code: the ERROR_STATUS table of errors.ts. */
    private const STATUS = [
        'bad_request' => 400,
        'payload_too_large' => 413,
        'unsupported_media_type' => 415,
        'form_not_found' => 404,
        'order_not_found' => 404,
        'invalid_token' => 404,
        'form_closed' => 409,
        'form_not_yet_open' => 409,
        'validation_failed' => 422,
        'amount_mismatch' => 409,
        'sold_out' => 409,
        'not_enough_available' => 409,
        'idempotency_conflict' => 409,
        'illegal_transition' => 409,
        'rate_limited' => 429,
        'provider_error' => 502,
        'payment_declined' => 402,
        'authentication_failed' => 402,
        'webhook_signature_invalid' => 400,
        'webhook_payload_invalid' => 400,
        'unauthorized' => 401,
        'forbidden' => 403,
        'method_not_allowed' => 405,
        'internal_error' => 500,
    ];

    /** @var array<string, array<string, string>> */
    private array $messages;
    /** @var array<string, array<string, string>> */
    private array $fields;
    private static ?self $shared = null;

    /**
     * @param array<string, array<string, string>> $messages
     * @param array<string, array<string, string>> $fields
     */
    public function __construct(array $messages, array $fields)
    {
        $this->messages = $messages;
        $this->fields = $fields;
    }

    /** The catalogue shipped with the adapter, read once per process. */
    public static function shared(): self
    {
        if (self::$shared === null) {
            $data = DataFiles::json('error-messages.json');
            self::$shared = new self($data['messages'], $data['fields']);
        }
        return self::$shared;
    }

    public function has(string $code): bool
    {
        return isset($this->messages[$code]);
    }

    /** @return string[] */
    public function codes(): array
    {
        return array_keys($this->messages);
    }

    public static function status(string $code): int
    {
        return self::STATUS[$code] ?? 400;
    }

    /** Strips list indexes so `tickets.items.0.quantity` finds the label of `tickets.items.quantity`. */
    public function fieldLabel(string $field, string $locale): string
    {
        $key = (string) preg_replace('/\.\d+(?=\.|$)/', '', $field);
        return $this->fields[$key][self::locale($locale)] ?? $field;
    }

    /**
     * The catalogue message for $code in $locale with `{placeholders}` filled (`{field}` from the field's label).
     * Unknown placeholders stay as they are, like the TypeScript renderer.
     * @param array<string, string|int> $params
     */
    public function message(string $code, string $locale, array $params = [], ?string $field = null): string
    {
        $locale = self::locale($locale);
        $template = $this->messages[$code][$locale] ?? $this->messages['internal_error'][$locale] ?? $code;
        if ($field !== null && !isset($params['field'])) {
            $params['field'] = $this->fieldLabel($field, $locale);
        }
        return (string) preg_replace_callback(
            '/\{(\w+)\}/',
            static function (array $m) use ($params): string {
                return array_key_exists($m[1], $params) && $params[$m[1]] !== null ? (string) $params[$m[1]] : $m[0];
            },
            $template
        );
    }

    private static function locale(string $locale): string
    {
        return $locale === 'en' ? 'en' : 'fr';
    }
}
