<?php
/**
 * The adapter's Mailer port on wp_mail, so the site's own mail setup (SMTP plugins…) delivers receipts.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Ports;

use Guichet\Adapter\Ports\Mailer;

defined('ABSPATH') || exit;

final class WpMailer implements Mailer
{
    public function send(string $to, string $subject, string $textBody): bool
    {
        return (bool) wp_mail($to, $subject, $textBody, ['Content-Type: text/plain; charset=UTF-8']);
    }
}
