<?php
/**
 * How a stored secret is shown back: its kind and last four characters, never more.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

defined('ABSPATH') || exit;

final class SecretMask
{
    public static function mask(string $secret): string
    {
        if ($secret === '') {
            return '';
        }
        $prefix = preg_match('/^(sk|rk|whsec)_(test_|live_)?/', $secret, $m) ? $m[0] : '';
        return $prefix . '••••' . substr($secret, -4);
    }
}
