<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Wraps a host logger and blanks anything that looks like a credential before it is written: values under
 * secret-sounding keys, and Stripe-style keys (sk_…, rk_…, whsec_…) anywhere in the text.
 */
final class RedactingLogger implements Logger
{
    private const SECRET_KEY_PATTERN = '/secret|password|token|authorization|signature|card|iban/i';
    private const SECRET_VALUE_PATTERN = '/\b(sk|rk)_(test|live)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9]+|\bBearer\s+\S+/';

    private Logger $inner;

    public function __construct(Logger $inner)
    {
        $this->inner = $inner;
    }

    public function log(string $level, string $message, array $context = []): void
    {
        $clean = [];
        foreach ($context as $key => $value) {
            if (preg_match(self::SECRET_KEY_PATTERN, (string) $key)) {
                $clean[$key] = '[redacted]';
            } elseif (is_string($value)) {
                $clean[$key] = self::scrub($value);
            } else {
                $clean[$key] = $value;
            }
        }
        $this->inner->log($level, self::scrub($message), $clean);
    }

    public static function scrub(string $text): string
    {
        return (string) preg_replace(self::SECRET_VALUE_PATTERN, '[redacted]', $text);
    }
}
