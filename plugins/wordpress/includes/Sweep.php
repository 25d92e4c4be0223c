<?php
/**
 * Every quarter of an hour WP-Cron expires the pending orders that are past their expiry, so their seats come
 * back and the treasurer's list says "expired" rather than "pending" forever.
 *
 * @package Guichet
 */

namespace Guichet\WordPress;

use Guichet\Adapter\Orders\Reconcile;

defined('ABSPATH') || exit;

final class Sweep
{
    public const HOOK = 'guichet_sweep';

    public static function register(): void
    {
        add_filter('cron_schedules', static function (array $schedules): array {
            $schedules['guichet_quarter_hour'] = ['interval' => 15 * MINUTE_IN_SECONDS, 'display' => __('Every 15 minutes (Guichet)', 'guichet')];
            return $schedules;
        });
        add_action(self::HOOK, [self::class, 'run']);
        add_action('init', static function (): void {
            if (!wp_next_scheduled(self::HOOK)) {
                wp_schedule_event(time() + 60, 'guichet_quarter_hour', self::HOOK);
            }
        });
    }

    public static function run(): void
    {
        Reconcile::sweep(Site::get()->orders());
    }
}
