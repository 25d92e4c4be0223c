<?php
/**
 * Guichet → Orders: the list with filters and search, one order's detail, and the treasurer's actions
 * (refund, mark a cheque or transfer received, CSV export), each behind the capability and a nonce.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Money;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class OrdersPage
{
    public static function register(): void
    {
        add_action('admin_post_' . OrderActions::ACTION, [OrderActions::class, 'handle']);
        add_action('admin_post_' . CsvExport::ACTION, [CsvExport::class, 'handle']);
    }

    public static function render(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- navigation only.
        $orderId = isset($_GET['order']) ? sanitize_text_field(wp_unslash((string) $_GET['order'])) : '';
        if ($orderId !== '') {
            self::detail($orderId);
            return;
        }
        $table = new OrdersTable();
        $table->prepare_items();
        $export = wp_nonce_url(add_query_arg(['action' => CsvExport::ACTION] + OrdersTable::requestedFilter(), admin_url('admin-post.php')), CsvExport::ACTION);
        echo '<div class="wrap"><h1 class="wp-heading-inline">' . esc_html__('Orders', 'guichet') . '</h1> ';
        echo '<a class="page-title-action" href="' . esc_url($export) . '">' . esc_html__('Export CSV', 'guichet') . '</a><hr class="wp-header-end">';
        self::notice();
        echo '<form method="get"><input type="hidden" name="page" value="' . esc_attr(Menu::SLUG) . '">';
        $table->search_box(__('Search orders', 'guichet'), 'guichet-search');
        $table->display();
        echo '</form></div>';
    }

    private static function detail(string $orderId): void
    {
        $order = Site::get()->storage->findOrder($orderId);
        echo '<div class="wrap"><h1>' . esc_html__('Order', 'guichet') . ' <code>' . esc_html($orderId) . '</code></h1>';
        echo '<p><a href="' . esc_url(admin_url('admin.php?page=' . Menu::SLUG)) . '">← ' . esc_html__('All orders', 'guichet') . '</a></p>';
        self::notice();
        if ($order === null) {
            echo '<p>' . esc_html__('No such order.', 'guichet') . '</p></div>';
            return;
        }
        $locale = OrdersTable::locale();
        $money = static function (int $amount) use ($order, $locale): string {
            return Money::format($amount, (string) $order['currency'], $locale);
        };
        $payer = (array) ($order['payer'] ?? []);
        echo '<table class="widefat striped" style="max-width:48em"><tbody>';
        $rows = [
            __('Status', 'guichet') => OrdersTable::statusLabel((string) $order['status']),
            __('Form', 'guichet') => $order['formId'] . ' (' . OrdersTable::kindLabel((string) $order['kind']) . ')',
            __('Date', 'guichet') => (string) $order['createdAt'],
            __('Payer', 'guichet') => trim(($payer['firstName'] ?? '') . ' ' . ($payer['lastName'] ?? '')) . ' <' . ($payer['email'] ?? '') . '>',
            __('Payment', 'guichet') => $order['provider'] . (isset($order['offlineMethod']) ? ' / ' . $order['offlineMethod'] : ''),
            __('Total', 'guichet') => $money((int) $order['total']),
            __('Refunded', 'guichet') => $money((int) ($order['refundedAmount'] ?? 0)),
        ];
        foreach ($rows as $label => $value) {
            echo '<tr><th scope="row">' . esc_html($label) . '</th><td>' . esc_html($value) . '</td></tr>';
        }
        self::receiptRow($orderId);
        echo '</tbody></table><h2>' . esc_html__('Lines', 'guichet') . '</h2><ul>';
        foreach ((array) ($order['lines'] ?? []) as $line) {
            echo '<li>' . esc_html($line['label'] . ' × ' . $line['quantity'] . ' = ' . $money((int) $line['amount'])) . '</li>';
        }
        echo '</ul>';
        self::actionButton($order, 'mark_received', __('Mark as received', 'guichet'), $order['status'] === 'pending' && $order['provider'] === 'offline');
        self::actionButton($order, 'refund', __('Refund in full', 'guichet'), $order['status'] === 'paid');
        echo '</div>';
    }

    /** The order's current tax receipt, if any: its number and the PDF. */
    private static function receiptRow(string $orderId): void
    {
        $receipt = Site::get()->receipts()->receiptForOrder($orderId);
        if ($receipt === null) {
            return;
        }
        $number = (string) $receipt['number'];
        echo '<tr><th scope="row">' . esc_html__('Tax receipt', 'guichet') . '</th><td>' . esc_html($number)
            . ' — <a href="' . esc_url(ReceiptActions::downloadUrl($number)) . '">' . esc_html__('Download PDF', 'guichet') . '</a>'
            . ' — <a href="' . esc_url(add_query_arg(['page' => ReceiptsPage::SLUG, 'year' => (int) $receipt['year']], admin_url('admin.php'))) . '">' . esc_html__('Tax receipts', 'guichet') . '</a></td></tr>';
    }

    /** @param array<string, mixed> $order */
    private static function actionButton(array $order, string $operation, string $label, bool $allowed): void
    {
        if (!$allowed) {
            return;
        }
        echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '" style="display:inline-block;margin-right:1em">';
        wp_nonce_field(OrderActions::ACTION . '_' . $operation . '_' . $order['id']);
        echo '<input type="hidden" name="action" value="' . esc_attr(OrderActions::ACTION) . '">';
        echo '<input type="hidden" name="operation" value="' . esc_attr($operation) . '">';
        echo '<input type="hidden" name="order" value="' . esc_attr($order['id']) . '">';
        submit_button($label, $operation === 'refund' ? 'delete' : 'primary', 'submit', false);
        echo '</form>';
    }

    private static function notice(): void
    {
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a message code after a redirect.
        $code = isset($_GET['guichet_done']) ? sanitize_key(wp_unslash((string) $_GET['guichet_done'])) : '';
        $messages = [
            'refund' => __('The order was refunded.', 'guichet'),
            'mark_received' => __('The payment was recorded as received.', 'guichet'),
            'failed' => __('The action could not be completed; see the order status.', 'guichet'),
        ];
        if (isset($messages[$code])) {
            $type = $code === 'failed' ? 'error' : 'success';
            echo '<div class="notice notice-' . esc_attr($type) . '" role="status"><p>' . esc_html($messages[$code]) . '</p></div>';
        }
    }
}
