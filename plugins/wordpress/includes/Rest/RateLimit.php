<?php
/**
 * A per-IP budget of order creations per minute (settings: rateLimit, 0 = off), kept in transients, so a bot
 * cannot hold every seat or flood the provider through the site.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Rest;

defined('ABSPATH') || exit;

final class RateLimit
{
    /** True when this request is within the budget (and counts it). */
    public static function allow(string $ip, int $perMinute): bool
    {
        if ($perMinute <= 0) {
            return true;
        }
        $key = 'guichet_rl_' . md5($ip . '|' . gmdate('YmdHi'));
        $count = (int) get_transient($key);
        if ($count >= $perMinute) {
            return false;
        }
        set_transient($key, $count + 1, 2 * MINUTE_IN_SECONDS);
        return true;
    }
}
