<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Shared;

/**
 * Removes secrets from text that may reach a log or an error answer (a provider's error message can quote the
 * key it was given): the site's own secrets and anything shaped like a Stripe secret (providers/shared/redact.ts).
 */
final class Redact
{
    private const SECRET_SHAPES = '/\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9*]+|\bwhsec_[A-Za-z0-9*]+/';

    /** @param string[] $secrets */
    public static function text(string $text, array $secrets = []): string
    {
        foreach ($secrets as $secret) {
            if (strlen($secret) >= 8) {
                $text = str_replace($secret, '[redacted]', $text);
            }
        }
        return (string) preg_replace(self::SECRET_SHAPES, '[redacted]', $text);
    }
}
