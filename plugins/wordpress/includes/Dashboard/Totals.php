<?php
/**
 * What the association received, net of refunds, per month of a year and per currency: the figures of the
 * Guichet dashboard. Orders count from their creation date (a card payment is paid within minutes of it).
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Dashboard;

use Guichet\WordPress\Storage\Database;
use Guichet\WordPress\Storage\Schema;

defined('ABSPATH') || exit;

final class Totals
{
    /** Orders whose money reached the association, even if part of it went back since. */
    private const RECEIVED = ['paid', 'refunded', 'disputed'];

    private Database $db;

    public function __construct(Database $db)
    {
        $this->db = $db;
    }

    /**
     * Net received per month of $year ('01'…'12' → minor units) and per currency, with the order count.
     * @return array<string, array<string, array{net: int, orders: int}>> currency → month → figures
     */
    public function byMonth(int $year): array
    {
        $table = Schema::table('orders');
        $rows = $this->db->rows(
            "SELECT SUBSTR(created_at, 6, 2) AS month, currency, SUM(total - refunded_amount) AS net, COUNT(*) AS orders
             FROM {$table} WHERE status IN ('paid', 'refunded', 'disputed') AND created_at >= %s AND created_at < %s
             GROUP BY SUBSTR(created_at, 6, 2), currency",
            [sprintf('%04d-01-01', $year), sprintf('%04d-01-01', $year + 1)]
        );
        $out = [];
        foreach ($rows as $row) {
            $out[(string) $row['currency']][(string) $row['month']] = ['net' => (int) $row['net'], 'orders' => (int) $row['orders']];
        }
        ksort($out);
        return $out;
    }
}
