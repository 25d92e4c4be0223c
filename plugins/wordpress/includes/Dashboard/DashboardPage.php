<?php
/**
 * Guichet → Dashboard: this month's and this year's totals, and the year month by month as a bar chart made
 * of a plain table (the figures are the table's cells, the bars are decoration), readable by a screen reader
 * and without any chart library.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Dashboard;

use Guichet\Adapter\Domain\Money;
use Guichet\WordPress\Admin\Menu;
use Guichet\WordPress\Admin\OrdersTable;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class DashboardPage
{
    public const SLUG = 'guichet-dashboard';

    public static function render(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        $year = (int) current_time('Y');
        $month = current_time('m');
        $totals = (new Totals(Site::get()->db))->byMonth($year);
        $locale = OrdersTable::locale();
        echo '<div class="wrap"><h1>' . esc_html__('Guichet dashboard', 'guichet') . '</h1>';
        if ($totals === []) {
            echo '<p>' . esc_html__('Nothing received yet this year.', 'guichet') . '</p></div>';
            return;
        }
        foreach ($totals as $currency => $months) {
            $yearNet = array_sum(array_column($months, 'net'));
            $yearOrders = array_sum(array_column($months, 'orders'));
            $monthFigures = $months[$month] ?? ['net' => 0, 'orders' => 0];
            echo '<ul class="guichet-totals">';
            self::figure(__('This month', 'guichet'), Money::format($monthFigures['net'], $currency, $locale), $monthFigures['orders']);
            self::figure(__('This year', 'guichet'), Money::format($yearNet, $currency, $locale), $yearOrders);
            echo '</ul>';
            self::chart($year, $currency, $months, $locale);
        }
        echo '</div>';
    }

    private static function figure(string $label, string $amount, int $orders): void
    {
        /* translators: %d: number of orders */
        $count = sprintf(_n('%d order', '%d orders', $orders, 'guichet'), $orders);
        echo '<li><strong>' . esc_html($label) . '</strong> ' . esc_html($amount) . ' <span>(' . esc_html($count) . ')</span></li>';
    }

    /** @param array<string, array{net: int, orders: int}> $months */
    private static function chart(int $year, string $currency, array $months, string $locale): void
    {
        $largest = max(1, max(array_column($months, 'net')));
        /* translators: 1: year, 2: currency code */
        $caption = sprintf(__('Received per month in %1$d (%2$s, net of refunds)', 'guichet'), $year, $currency);
        echo '<table class="widefat striped guichet-chart"><caption>' . esc_html($caption) . '</caption>';
        echo '<thead><tr><th scope="col">' . esc_html__('Month', 'guichet') . '</th><th scope="col">' . esc_html__('Received', 'guichet') . '</th><th scope="col"><span class="screen-reader-text">' . esc_html__('Bar', 'guichet') . '</span></th></tr></thead><tbody>';
        for ($m = 1; $m <= 12; $m++) {
            $key = sprintf('%02d', $m);
            $net = $months[$key]['net'] ?? 0;
            $width = $net > 0 ? max(1, (int) round(100 * $net / $largest)) : 0;
            $name = wp_date('F', (int) gmmktime(12, 0, 0, $m, 1, $year));
            echo '<tr><th scope="row">' . esc_html((string) $name) . '</th><td>' . esc_html(Money::format($net, $currency, $locale)) . '</td>';
            echo '<td style="width:60%"><span aria-hidden="true" style="display:block;height:1em;background:#2271b1;width:' . esc_attr((string) $width) . '%"></span></td></tr>';
        }
        echo '</tbody></table>';
    }
}
