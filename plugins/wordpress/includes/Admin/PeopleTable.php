<?php
/**
 * Guichet → Members and Guichet → Attendees (WP_List_Table): one row per member or ticket of a paid order,
 * a filter by form, search on name, e-mail or ticket code, 20 per page.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

if (!class_exists('WP_List_Table')) {
    require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';
}

final class PeopleTable extends \WP_List_Table
{
    public const PER_PAGE = 20;

    /** @var 'membership'|'tickets' */
    private string $kind;

    /** @param 'membership'|'tickets' $kind */
    public function __construct(string $kind)
    {
        $this->kind = $kind;
        parent::__construct([
            'singular' => $kind === 'membership' ? 'member' : 'attendee',
            'plural' => $kind === 'membership' ? 'members' : 'attendees',
            'ajax' => false,
        ]);
    }

    public function get_columns(): array
    {
        $columns = [
            'name' => __('Name', 'guichet'),
            'email' => __('E-mail', 'guichet'),
            'type' => $this->kind === 'membership' ? __('Membership', 'guichet') : __('Ticket', 'guichet'),
        ];
        if ($this->kind === 'tickets') {
            $columns['code'] = __('Code', 'guichet');
        }
        return $columns + ['form' => __('Form', 'guichet'), 'order' => __('Order', 'guichet')];
    }

    /** @return array{form: string, search: string} */
    private static function requested(): array
    {
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only filters.
        $form = isset($_GET['form']) && preg_match('/^[A-Za-z0-9_-]{1,64}$/', (string) $_GET['form']) ? (string) $_GET['form'] : '';
        $search = isset($_GET['s']) ? sanitize_text_field(wp_unslash((string) $_GET['s'])) : '';
        // phpcs:enable
        return ['form' => $form, 'search' => $search];
    }

    public function prepare_items(): void
    {
        $asked = self::requested();
        $rows = People::rows($this->kind, $asked['form'], $asked['search']);
        $page = $this->get_pagenum();
        $this->items = array_slice($rows, ($page - 1) * self::PER_PAGE, self::PER_PAGE);
        $this->_column_headers = [$this->get_columns(), [], []];
        $this->set_pagination_args(['total_items' => count($rows), 'per_page' => self::PER_PAGE]);
    }

    /** @param array<string, string> $item */
    protected function column_default($item, $column_name): string
    {
        switch ($column_name) {
            case 'form':
                return esc_html($item['formId']);
            case 'order':
                $url = add_query_arg(['page' => Menu::SLUG, 'order' => $item['orderId']], admin_url('admin.php'));
                return '<a href="' . esc_url($url) . '"><code>' . esc_html($item['orderId']) . '</code></a>';
            case 'code':
                return '<code>' . esc_html($item['code']) . '</code>';
        }
        return esc_html($item[$column_name] ?? '');
    }

    protected function extra_tablenav($which): void
    {
        if ($which !== 'top') {
            return;
        }
        $asked = self::requested();
        $forms = array_filter(Site::get()->forms->all(), function (array $form): bool {
            return $form['kind'] === $this->kind;
        });
        echo '<div class="alignleft actions">';
        echo '<label class="screen-reader-text" for="guichet-filter-form">' . esc_html__('Filter by form', 'guichet') . '</label>';
        echo '<select name="form" id="guichet-filter-form"><option value="">' . esc_html__('All forms', 'guichet') . '</option>';
        foreach ($forms as $form) {
            echo '<option value="' . esc_attr($form['id']) . '"' . selected($asked['form'], $form['id'], false) . '>' . esc_html($form['id']) . '</option>';
        }
        echo '</select>';
        submit_button(__('Filter', 'guichet'), '', 'filter_action', false);
        echo '</div>';
    }

    public function no_items(): void
    {
        echo esc_html($this->kind === 'membership' ? __('No member yet.', 'guichet') : __('No attendee yet.', 'guichet'));
    }
}
