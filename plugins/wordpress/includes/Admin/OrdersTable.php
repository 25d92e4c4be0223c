<?php
/**
 * The orders list (WP_List_Table): newest first, filters by status, kind and form, search on the payer's name,
 * e-mail or the order id, 20 per page.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Money;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

if (!class_exists('WP_List_Table')) {
    require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
}

final class OrdersTable extends \WP_List_Table
{
    public const PER_PAGE = 20;
    public const STATUSES = ['pending', 'paid', 'failed', 'expired', 'refunded', 'disputed'];
    public const KINDS = ['donation', 'membership', 'tickets'];

    public function __construct()
    {
        parent::__construct(['singular' => 'order', 'plural' => 'orders', 'ajax' => false]);
    }

    /** The filter the request asks for, in Storage::listOrders terms. @return array<string, string> */
    public static function requestedFilter(): array
    {
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only filters.
        $filter = [];
        foreach (['status' => self::STATUSES, 'kind' => self::KINDS] as $key => $allowed) {
            $value = isset($_GET[$key]) ? sanitize_key(wp_unslash((string) $_GET[$key])) : '';
            if (in_array($value, $allowed, true)) {
                $filter[$key] = $value;
            }
        }
        if (isset($_GET['form']) && preg_match('/^[A-Za-z0-9_-]{1,64}$/', (string) $_GET['form'])) {
            $filter['formId'] = (string) $_GET['form'];
        }
        if (isset($_GET['s']) && $_GET['s'] !== '') {
            $filter['search'] = sanitize_text_field(wp_unslash((string) $_GET['s']));
        }
        // phpcs:enable
        return $filter;
    }

    public function get_columns(): array
    {
        return [
            'id' => __('Order', 'guichet'),
            'created' => __('Date', 'guichet'),
            'payer' => __('Payer', 'guichet'),
            'form' => __('Form', 'guichet'),
            'total' => __('Total', 'guichet'),
            'status' => __('Status', 'guichet'),
        ];
    }

    public function prepare_items(): void
    {
        $storage = Site::get()->storage;
        $filter = self::requestedFilter();
        $page = $this->get_pagenum();
        $total = $storage->countOrders($filter);
        $this->items = $storage->listOrders($filter, self::PER_PAGE, ($page - 1) * self::PER_PAGE);
        $this->_column_headers = [$this->get_columns(), [], []];
        $this->set_pagination_args(['total_items' => $total, 'per_page' => self::PER_PAGE]);
    }

    /** @param array<string, mixed> $item */
    protected function column_default($item, $column_name): string
    {
        switch ($column_name) {
            case 'id':
                $url = add_query_arg(['page' => Menu::SLUG, 'order' => $item['id']], admin_url('admin.php'));
                return '<a href="' . esc_url($url) . '"><code>' . esc_html($item['id']) . '</code></a>';
            case 'created':
                return esc_html(wp_date(get_option('date_format') . ' H:i', strtotime((string) $item['createdAt'])));
            case 'payer':
                $payer = (array) ($item['payer'] ?? []);
                return esc_html(trim(($payer['firstName'] ?? '') . ' ' . ($payer['lastName'] ?? ''))) . '<br><small>' . esc_html($payer['email'] ?? '') . '</small>';
            case 'form':
                return esc_html($item['formId']) . '<br><small>' . esc_html(self::kindLabel((string) $item['kind'])) . '</small>';
            case 'total':
                return esc_html(Money::format((int) $item['total'], (string) $item['currency'], self::locale()));
            case 'status':
                return '<span class="guichet-status guichet-status--' . esc_attr($item['status']) . '">' . esc_html(self::statusLabel((string) $item['status'])) . '</span>';
        }
        return '';
    }

    protected function extra_tablenav($which): void
    {
        if ($which !== 'top') {
            return;
        }
        $filter = self::requestedFilter();
        echo '<div class="alignleft actions">';
        echo '<label class="screen-reader-text" for="guichet-filter-status">' . esc_html__('Filter by status', 'guichet') . '</label>';
        echo '<select name="status" id="guichet-filter-status"><option value="">' . esc_html__('All statuses', 'guichet') . '</option>';
        foreach (self::STATUSES as $status) {
            echo '<option value="' . esc_attr($status) . '"' . selected($filter['status'] ?? '', $status, false) . '>' . esc_html(self::statusLabel($status)) . '</option>';
        }
        echo '</select>';
        echo '<label class="screen-reader-text" for="guichet-filter-kind">' . esc_html__('Filter by kind', 'guichet') . '</label>';
        echo '<select name="kind" id="guichet-filter-kind"><option value="">' . esc_html__('All kinds', 'guichet') . '</option>';
        foreach (self::KINDS as $kind) {
            echo '<option value="' . esc_attr($kind) . '"' . selected($filter['kind'] ?? '', $kind, false) . '>' . esc_html(self::kindLabel($kind)) . '</option>';
        }
        echo '</select>';
        submit_button(__('Filter', 'guichet'), '', 'filter_action', false);
        echo '</div>';
    }

    public static function statusLabel(string $status): string
    {
        $labels = [
            'pending' => __('Pending', 'guichet'),
            'paid' => __('Paid', 'guichet'),
            'failed' => __('Failed', 'guichet'),
            'expired' => __('Expired', 'guichet'),
            'refunded' => __('Refunded', 'guichet'),
            'disputed' => __('Disputed', 'guichet'),
        ];
        return $labels[$status] ?? $status;
    }

    public static function kindLabel(string $kind): string
    {
        $labels = ['donation' => __('Donation', 'guichet'), 'membership' => __('Membership', 'guichet'), 'tickets' => __('Tickets', 'guichet')];
        return $labels[$kind] ?? $kind;
    }

    public static function locale(): string
    {
        return strpos(get_user_locale(), 'fr') === 0 ? 'fr' : 'en';
    }
}
