<?php
/**
 * Orders as CSV for the treasurer's spreadsheet, with the list's filters. Amounts are decimal text in the
 * currency's unit (never floats); no token, secret or raw provider data is exported; cells that a spreadsheet
 * would run as a formula are neutralised.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Money;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class CsvExport
{
    public const ACTION = 'guichet_export_csv';
    private const BATCH = 500;

    public static function handle(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        check_admin_referer(self::ACTION);
        nocache_headers();
        header('Content-Type: text/csv; charset=utf-8');
        header('Content-Disposition: attachment; filename="guichet-orders-' . gmdate('Y-m-d') . '.csv"');
        $out = fopen('php://output', 'w');
        fwrite($out, "\xEF\xBB\xBF"); // Byte order mark: spreadsheets then read UTF-8 accents right.
        self::write($out, self::header());
        $storage = Site::get()->storage;
        $filter = OrdersTable::requestedFilter();
        for ($offset = 0; ; $offset += self::BATCH) {
            $orders = $storage->listOrders($filter, self::BATCH, $offset);
            foreach ($orders as $order) {
                self::write($out, self::row($order));
            }
            if (count($orders) < self::BATCH) {
                break;
            }
        }
        fclose($out);
        exit;
    }

    /** @return string[] */
    public static function header(): array
    {
        return ['order', 'created_at', 'status', 'kind', 'form', 'first_name', 'last_name', 'email', 'total', 'refunded', 'currency', 'provider', 'reference'];
    }

    /**
     * @param array<string, mixed> $order
     * @return string[]
     */
    public static function row(array $order): array
    {
        $payer = (array) ($order['payer'] ?? []);
        $currency = (string) $order['currency'];
        return [
            (string) $order['id'],
            (string) $order['createdAt'],
            (string) $order['status'],
            (string) $order['kind'],
            (string) $order['formId'],
            (string) ($payer['firstName'] ?? ''),
            (string) ($payer['lastName'] ?? ''),
            (string) ($payer['email'] ?? ''),
            Money::toDecimalString((int) $order['total'], $currency),
            Money::toDecimalString((int) ($order['refundedAmount'] ?? 0), $currency),
            $currency,
            (string) $order['provider'],
            (string) ($order['reference'] ?? ''),
        ];
    }

    /**
     * @param resource $out
     * @param string[] $cells
     */
    private static function write($out, array $cells): void
    {
        fputcsv($out, array_map([self::class, 'neutralise'], $cells), ',', '"', '\\');
    }

    public static function neutralise(string $cell): string
    {
        return preg_match('/^[=+\-@\t\r]/', $cell) ? "'" . $cell : $cell;
    }
}
