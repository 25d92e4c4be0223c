<?php
/**
 * The treasurer's actions on tax receipts (admin-post.php), each behind the capability and its own nonce:
 * downloads (one PDF, the year's CSV, the year's zip of PDFs) and changes (resend, cancel, correct the donor,
 * issue the missing receipts, verify the ledger). The adapter's ReceiptService does the work; this class turns
 * its answers and ReceiptErrors into redirects with a message code.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\Adapter\Receipts\ReceiptError;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class ReceiptActions
{
    public const ACTION = 'guichet_receipt_action';
    public const DOWNLOAD = 'guichet_receipt_download';
    private const OPERATIONS = ['resend', 'cancel', 'correct', 'issue_missing', 'verify'];

    public static function register(): void
    {
        add_action('admin_post_' . self::ACTION, [self::class, 'handle']);
        add_action('admin_post_' . self::DOWNLOAD, [self::class, 'download']);
    }

    /** A nonce-signed link to one receipt's PDF ($what = pdf, with $number) or the year's csv / zip. */
    public static function downloadUrl(string $number, string $what = 'pdf', int $year = 0): string
    {
        $args = ['action' => self::DOWNLOAD, 'what' => $what];
        $args += $what === 'pdf' ? ['number' => $number] : ['year' => $year];
        return wp_nonce_url(add_query_arg($args, admin_url('admin-post.php')), self::DOWNLOAD . '_' . $what . '_' . ($what === 'pdf' ? $number : $year));
    }

    /** A one-button form for $operation on receipt $number (or the year, for issue_missing and verify). */
    public static function button(string $operation, string $number, string $label, string $confirm = '', int $year = 0, string $class = 'button-small'): string
    {
        $out = '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '" style="display:inline-block;margin:0 .5em .25em 0"';
        if ($confirm !== '') {
            $out .= ' onsubmit="return window.confirm(' . esc_attr((string) wp_json_encode($confirm)) . ')"';
        }
        $out .= '>' . wp_nonce_field(self::nonce($operation, $number), '_wpnonce', false, false);
        $out .= '<input type="hidden" name="action" value="' . esc_attr(self::ACTION) . '">';
        $out .= '<input type="hidden" name="operation" value="' . esc_attr($operation) . '">';
        $out .= '<input type="hidden" name="number" value="' . esc_attr($number) . '">';
        $out .= '<input type="hidden" name="year" value="' . esc_attr((string) $year) . '">';
        $hidden = $number !== '' ? '<span class="screen-reader-text"> ' . esc_html($number) . '</span>' : '';
        $out .= '<button type="submit" class="button ' . esc_attr($class) . '">' . esc_html($label) . $hidden . '</button></form>';
        return $out;
    }

    public static function nonce(string $operation, string $number): string
    {
        return self::ACTION . '_' . $operation . '_' . $number;
    }

    public static function handle(): void
    {
        self::guard();
        // phpcs:disable WordPress.Security.NonceVerification.Missing -- check_admin_referer below, once the operation is known.
        $operation = sanitize_key(wp_unslash((string) ($_POST['operation'] ?? '')));
        $number = sanitize_text_field(wp_unslash((string) ($_POST['number'] ?? '')));
        $year = (int) ($_POST['year'] ?? 0);
        // phpcs:enable
        if (!in_array($operation, self::OPERATIONS, true)) {
            wp_die(esc_html__('Unknown action.', 'guichet'), 400);
        }
        check_admin_referer(self::nonce($operation, $number));
        $receipts = Site::get()->receipts();
        $args = ['page' => ReceiptsPage::SLUG, 'year' => $year > 0 ? $year : ReceiptsPage::currentYear()];
        $donor = null;
        try {
            if ($operation === 'resend') {
                $args['guichet_done'] = $receipts->resend($number) ? 'resent' : 'resend_failed';
            } elseif ($operation === 'cancel') {
                $args['guichet_number'] = (string) $receipts->cancel($number)['number'];
                $args['guichet_done'] = 'cancelled';
            } elseif ($operation === 'correct') {
                // phpcs:ignore WordPress.Security.NonceVerification.Missing -- checked above.
                $donor = CorrectDonorForm::donor(wp_unslash((array) ($_POST['donor'] ?? [])));
                $args['guichet_number'] = (string) $receipts->correct($number, $donor)['number'];
                $args['guichet_done'] = 'corrected';
            } elseif ($operation === 'issue_missing') {
                $args['guichet_count'] = self::issueMissing($year);
                $args['guichet_done'] = 'issued';
            } else {
                $result = $receipts->verify();
                $args['guichet_done'] = $result['ok'] ? 'verified' : 'broken';
                $args['guichet_count'] = (int) ($result['count'] ?? 0);
                if (!$result['ok']) {
                    $args['guichet_position'] = (int) ($result['position'] ?? 0);
                }
            }
        } catch (ReceiptError $e) {
            $args['guichet_done'] = 'error';
            $args['guichet_reason'] = $e->reason;
            if ($operation === 'correct') {
                $args['correct'] = $number;
                if ($donor !== null) {
                    CorrectDonorForm::keepTyped($number, $donor, $e->errors);
                }
            }
        } catch (\Throwable $e) {
            Site::get()->orders()->log->log('warning', 'receipt action failed', ['operation' => $operation, 'number' => $number, 'reason' => $e->getMessage()]);
            $args['guichet_done'] = 'failed';
        }
        wp_safe_redirect(add_query_arg($args, admin_url('admin.php')));
        exit;
    }

    /**
     * Catch-up for the year shown: the one-off gifts paid that year without a receipt, then, once the year is
     * over, its recurring donors' annual receipts. Issue keys make a repeat issue nothing twice.
     */
    private static function issueMissing(int $year): int
    {
        $receipts = Site::get()->receipts();
        $now = Site::clock()->now();
        $paris = new \DateTimeZone('Europe/Paris');
        $from = new \DateTimeImmutable(sprintf('%04d-01-01 00:00:00', $year), $paris);
        $to = min($now, new \DateTimeImmutable(sprintf('%04d-01-01 00:00:00', $year + 1), $paris));
        $count = count($receipts->issueMissing($from, $to));
        if ($year < ReceiptDates::year($now)) {
            $count += count($receipts->issueAnnual($year));
        }
        return $count;
    }

    public static function download(): void
    {
        self::guard();
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- check_admin_referer below.
        $what = sanitize_key(wp_unslash((string) ($_GET['what'] ?? '')));
        $number = sanitize_text_field(wp_unslash((string) ($_GET['number'] ?? '')));
        $year = (int) ($_GET['year'] ?? 0);
        // phpcs:enable
        check_admin_referer(self::DOWNLOAD . '_' . $what . '_' . ($what === 'pdf' ? $number : $year));
        $receipts = Site::get()->receipts();
        if ($what === 'pdf') {
            $file = $receipts->pdf($number);
            if ($file === null) {
                wp_die(esc_html__('No such receipt.', 'guichet'), 404);
            }
            self::send('application/pdf', (string) $file['fileName'], (string) $file['bytes']);
        } elseif ($what === 'csv') {
            self::send('text/csv; charset=utf-8', sprintf('guichet-receipts-%d.csv', $year), $receipts->exportCsv($year, OrdersTable::locale()));
        } elseif ($what === 'zip') {
            self::send('application/zip', sprintf('guichet-receipts-%d.zip', $year), $receipts->exportZip($year));
        }
        wp_die(esc_html__('Unknown action.', 'guichet'), 400);
    }

    private static function send(string $type, string $fileName, string $bytes): void
    {
        nocache_headers();
        header('Content-Type: ' . $type);
        header('Content-Disposition: attachment; filename="' . preg_replace('/[^A-Za-z0-9._-]/', '_', $fileName) . '"');
        header('Content-Length: ' . strlen($bytes));
        header('X-Content-Type-Options: nosniff');
        echo $bytes; // phpcs:ignore WordPress.Security.EscapeOutput -- a file download.
        exit;
    }

    private static function guard(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
    }
}
