<?php
/**
 * E-mails on order changes, through wp_mail (the adapter's Mailer port): the payer's confirmation and the
 * treasurer's notice when an order is paid. Listeners never undo a payment: the adapter logs their failures.
 *
 * @package Guichet
 */

namespace Guichet\WordPress;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Orders\OrdersContext;
use Guichet\WordPress\Ports\WpMailer;

defined('ABSPATH') || exit;

final class Emails
{
    public static function register(): void
    {
        add_action('guichet_orders_context', static function (OrdersContext $ctx): void {
            $ctx->onChange([self::class, 'onChange']);
        });
    }

    /** @param array<string, mixed> $order */
    public static function onChange(string $event, array $order): void
    {
        if ($event !== 'paid') {
            return;
        }
        $mailer = new WpMailer();
        $locale = ($order['locale'] ?? 'fr') === 'en' ? 'en' : 'fr';
        $total = Money::format((int) $order['total'], (string) $order['currency'], $locale);
        $organization = Site::get()->settings->organizationName();
        $payer = (array) ($order['payer'] ?? []);
        $lines = [];
        foreach ((array) ($order['lines'] ?? []) as $line) {
            $lines[] = '- ' . $line['label'] . ' × ' . $line['quantity'] . ' : ' . Money::format((int) $line['amount'], (string) $order['currency'], $locale);
        }
        if (!empty($payer['email'])) {
            $switched = switch_to_locale($locale === 'fr' ? 'fr_FR' : 'en_US');
            /* translators: %s: the association's name */
            $subject = sprintf(__('Thank you! Your payment to %s', 'guichet'), $organization);
            /* translators: 1: order reference, 2: total paid */
            $body = sprintf(__("Your payment was received.\n\nOrder: %1\$s\nTotal: %2\$s", 'guichet'), $order['id'], $total)
                . "\n\n" . implode("\n", $lines) . "\n\n" . $organization . "\n";
            if ($switched) {
                restore_previous_locale();
            }
            $mailer->send((string) $payer['email'], $subject, $body);
        }
        $treasurer = (string) get_option('admin_email');
        if ($treasurer !== '') {
            /* translators: 1: total, 2: payer's name */
            $subject = sprintf(__('New payment: %1$s from %2$s', 'guichet'), $total, trim(($payer['firstName'] ?? '') . ' ' . ($payer['lastName'] ?? '')));
            $link = add_query_arg(['page' => 'guichet', 'order' => $order['id']], admin_url('admin.php'));
            $mailer->send($treasurer, $subject, $subject . "\n\n" . implode("\n", $lines) . "\n\n" . $link . "\n");
        }
    }
}
