<?php
/**
 * Recurring donors get one receipt a year, in January, for the debits paid in the previous calendar year. A
 * daily WP-Cron event asks for the previous year's run until it went through: the adapter's issue keys make a
 * second run issue nothing twice, and a run skipped for want of issuer settings happens once they are filled in.
 *
 * @package Guichet
 */

namespace Guichet\WordPress;

defined('ABSPATH') || exit;

final class AnnualReceipts
{
    public const HOOK = 'guichet_annual_receipts';
    /** The last year whose annual receipts were issued (kept out of autoload: read once a day). */
    public const DONE_OPTION = 'guichet_annual_receipts_done';

    public static function register(): void
    {
        add_action(self::HOOK, [self::class, 'run']);
        add_action('init', static function (): void {
            if (!wp_next_scheduled(self::HOOK)) {
                wp_schedule_event(time() + HOUR_IN_SECONDS, 'daily', self::HOOK);
            }
        });
    }

    /** The year to cover now: the previous calendar year in Paris, unless already done. */
    public static function due(\DateTimeImmutable $now): ?int
    {
        $year = (int) $now->setTimezone(new \DateTimeZone('Europe/Paris'))->format('Y') - 1;
        return (int) get_option(self::DONE_OPTION, 0) >= $year ? null : $year;
    }

    public static function run(): void
    {
        $site = Site::get();
        $year = self::due(Site::clock()->now());
        if ($year === null) {
            return;
        }
        $receipts = $site->receipts();
        if ($receipts->issuerProblems() !== []) {
            return; // Nothing can be issued yet; the receipts page says why and offers the catch-up.
        }
        $receipts->issueAnnual($year);
        update_option(self::DONE_OPTION, $year, false);
    }
}
