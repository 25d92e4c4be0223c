<?php
/**
 * The adapter's Logger port: lines in PHP's error log (wp-content/debug.log with WP_DEBUG_LOG). The site wraps
 * it in the adapter's RedactingLogger, so a key that slipped into a context is blanked before it is written.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Ports;

use Guichet\Adapter\Ports\Logger;

defined('ABSPATH') || exit;

final class WpLogger implements Logger
{
    public function log(string $level, string $message, array $context = []): void
    {
        if ($level === 'debug' && !(defined('WP_DEBUG') && WP_DEBUG)) {
            return;
        }
        $line = '[guichet] ' . $level . ': ' . $message;
        if ($context !== []) {
            $line .= ' ' . wp_json_encode($context);
        }
        error_log($line); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
    }
}
