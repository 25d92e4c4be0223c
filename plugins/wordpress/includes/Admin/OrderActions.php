<?php
/**
 * The treasurer's actions on one order (admin-post.php): capability and nonce first, then the adapter's
 * BackOffice, which moves the order through the same state machine as provider events, once.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Orders\BackOffice;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class OrderActions
{
    public const ACTION = 'guichet_order_action';

    public static function handle(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        $orderId = sanitize_text_field(wp_unslash((string) ($_POST['order'] ?? '')));
        $operation = sanitize_key(wp_unslash((string) ($_POST['operation'] ?? '')));
        check_admin_referer(self::ACTION . '_' . $operation . '_' . $orderId);
        $ctx = Site::get()->orders();
        $done = $operation;
        try {
            if ($operation === 'refund') {
                BackOffice::refund($ctx, $orderId);
            } elseif ($operation === 'mark_received') {
                BackOffice::markReceived($ctx, $orderId);
            } else {
                wp_die(esc_html__('Unknown action.', 'guichet'), 400);
            }
        } catch (\Throwable $e) {
            $ctx->log->log('warning', 'back-office action failed', ['orderId' => $orderId, 'operation' => $operation, 'reason' => $e->getMessage()]);
            $done = 'failed';
        }
        wp_safe_redirect(add_query_arg(['page' => Menu::SLUG, 'order' => $orderId, 'guichet_done' => $done], admin_url('admin.php')));
        exit;
    }
}
