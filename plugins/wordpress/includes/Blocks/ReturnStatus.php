<?php
/**
 * Back on the page of a form without JavaScript: after the simulation page, a hosted Stripe page or offline
 * instructions, the URL carries guichet_order and guichet_token, and the block prints that order's status in
 * place of the form. An error of the no-JS form (guichet=error&code=…) is announced above the form.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class ReturnStatus
{
    /** The status of the order named in the URL, when it belongs to this form; '' otherwise. */
    public static function html(string $formId, string $locale): string
    {
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- the token authorises reading.
        $orderId = isset($_GET['guichet_order']) ? sanitize_text_field(wp_unslash((string) $_GET['guichet_order'])) : '';
        $token = isset($_GET['guichet_token']) ? sanitize_text_field(wp_unslash((string) $_GET['guichet_token'])) : '';
        // phpcs:enable
        if ($orderId === '' || $token === '') {
            return '';
        }
        $answer = Site::get()->protocol()->handle('GET', '/orders/' . $orderId, [], ['token' => $token, 'locale' => $locale], '');
        $order = $answer->body;
        if ($answer->status !== 200 || ($order['formId'] ?? '') !== $formId) {
            return '';
        }
        $amount = Render::money((int) $order['total'], (string) $order['currency'], $locale);
        switch ($order['status']) {
            case 'paid':
                /* translators: %s: amount */
                $text = sprintf(__('Thank you! Your payment of %s is confirmed.', 'guichet'), $amount);
                break;
            case 'failed':
                $text = (string) ($order['failure']['message'] ?? __('The payment did not go through.', 'guichet'));
                break;
            case 'pending':
                $text = ($order['next']['type'] ?? '') === 'offline'
                    ? __('Your order is recorded. It will be confirmed when your payment arrives.', 'guichet')
                    : __('Your payment is being processed. Reload this page in a moment.', 'guichet');
                break;
            default:
                $text = __('This order can no longer be paid.', 'guichet');
        }
        $html = '<div class="guichet-status" role="status"><h2>' . esc_html($text) . '</h2>';
        $html .= '<p>' . esc_html__('Order reference:', 'guichet') . ' <code>' . esc_html($orderId) . '</code></p>';
        if ($order['status'] === 'paid' && !empty($order['tickets'])) {
            $html .= '<h3>' . esc_html__('Your tickets', 'guichet') . '</h3><ul>';
            foreach ($order['tickets'] as $ticket) {
                $html .= '<li>' . esc_html($ticket['label']) . ' · <code>' . esc_html($ticket['code']) . '</code></li>';
            }
            $html .= '</ul>';
        }
        if (isset($order['receipt']['number'], $order['receipt']['url'])) {
            /* translators: %s: tax receipt number */
            $html .= '<p><a href="' . esc_url((string) $order['receipt']['url']) . '">' . esc_html(sprintf(__('Download your tax receipt %s (PDF)', 'guichet'), (string) $order['receipt']['number'])) . '</a></p>';
        }
        return $html . '</div>';
    }

    /** The no-JS form's error from the URL, announced; '' when there is none. */
    public static function error(string $locale): string
    {
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- display only.
        if (($_GET['guichet'] ?? '') !== 'error') {
            return '';
        }
        $code = isset($_GET['code']) ? sanitize_key(wp_unslash((string) $_GET['code'])) : 'internal_error';
        // phpcs:enable
        $message = Site::get()->orders()->catalogue->message($code, $locale);
        return '<p class="guichet-error" role="alert">' . esc_html($message) . '</p>';
    }
}
