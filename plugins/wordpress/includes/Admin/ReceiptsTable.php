<?php
/**
 * The year's tax receipts (WP_List_Table) in ledger order, 20 per page: number, date, donor, amount, kind,
 * whether still valid or replaced (and by which), and per-receipt actions.
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

final class ReceiptsTable extends \WP_List_Table
{
    public const PER_PAGE = 20;

    private int $year;

    public function __construct(int $year)
    {
        parent::__construct(['singular' => 'receipt', 'plural' => 'receipts', 'ajax' => false]);
        $this->year = $year;
    }

    public function get_columns(): array
    {
        return [
            'number' => __('Number', 'guichet'),
            'issued' => __('Date', 'guichet'),
            'donor' => __('Donor', 'guichet'),
            'amount' => __('Amount', 'guichet'),
            'kind' => __('Kind', 'guichet'),
            'state' => __('Status', 'guichet'),
            'actions' => __('Actions', 'guichet'),
        ];
    }

    public function prepare_items(): void
    {
        $page = $this->get_pagenum();
        $list = Site::get()->receipts()->list($this->year, self::PER_PAGE, ($page - 1) * self::PER_PAGE);
        $this->items = $list['receipts'];
        $this->_column_headers = [$this->get_columns(), [], []];
        $this->set_pagination_args(['total_items' => (int) $list['total'], 'per_page' => self::PER_PAGE]);
    }

    public function no_items(): void
    {
        esc_html_e('No receipt issued this year.', 'guichet');
    }

    /** @param array<string, mixed> $item */
    protected function column_default($item, $column_name): string
    {
        switch ($column_name) {
            case 'number':
                $out = '<strong>' . esc_html($item['number']) . '</strong>';
                if ($item['replaces'] !== null) {
                    /* translators: %s: the number of the receipt replaced or cancelled */
                    $out .= '<br><small>' . esc_html(sprintf(__('replaces %s', 'guichet'), $item['replaces'])) . '</small>';
                }
                return $out;
            case 'issued':
                return esc_html(wp_date((string) get_option('date_format'), (int) strtotime((string) $item['issuedAt'])));
            case 'donor':
                $orders = array_map(static function (string $id): string {
                    $url = add_query_arg(['page' => Menu::SLUG, 'order' => $id], admin_url('admin.php'));
                    return '<a href="' . esc_url($url) . '">' . esc_html($id) . '</a>';
                }, (array) $item['orderIds']);
                return esc_html($item['donorName']) . '<br><small>' . esc_html($item['email']) . '</small><br><small>' . implode(' ', $orders) . '</small>';
            case 'amount':
                return esc_html(Money::format((int) $item['amount'], (string) $item['currency'], OrdersTable::locale()));
            case 'kind':
                return esc_html(ReceiptLabels::kind((string) $item['kind']));
            case 'state':
                if ($item['kind'] === 'cancellation') {
                    return esc_html__('Cancels the receipt named', 'guichet');
                }
                return $item['replacedBy'] === null
                    ? '<span class="guichet-status guichet-status--paid">' . esc_html__('Valid', 'guichet') . '</span>'
                    /* translators: %s: the number of the receipt that replaced this one */
                    : '<span class="guichet-status guichet-status--refunded">' . esc_html(sprintf(__('Replaced by %s', 'guichet'), $item['replacedBy'])) . '</span>';
            case 'actions':
                return $this->actions($item);
        }
        return '';
    }

    /** @param array<string, mixed> $item */
    private function actions(array $item): string
    {
        $number = (string) $item['number'];
        // Buttons rather than inline links: each target is large enough to hit on a touch screen.
        $out = '<a class="button button-small" style="margin:0 .5em .25em 0" href="' . esc_url(ReceiptActions::downloadUrl($number)) . '">' . esc_html__('Download PDF', 'guichet') . '<span class="screen-reader-text"> ' . esc_html($number) . '</span></a>';
        $out .= ReceiptActions::button('resend', $number, __('Resend', 'guichet'));
        if ($item['replacedBy'] === null && $item['kind'] !== 'cancellation') {
            $correct = add_query_arg(['page' => ReceiptsPage::SLUG, 'correct' => $number], admin_url('admin.php'));
            $out .= '<a class="button button-small" style="margin:0 .5em .25em 0" href="' . esc_url($correct) . '">' . esc_html__('Correct the donor', 'guichet') . '<span class="screen-reader-text"> ' . esc_html($number) . '</span></a>';
            $out .= ReceiptActions::button('cancel', $number, __('Cancel', 'guichet'), __('Cancel this receipt? A cancellation receipt will be issued and e-mailed to the donor.', 'guichet'));
        }
        return $out;
    }
}
