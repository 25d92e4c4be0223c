<?php
/**
 * Guichet → Tax receipts: one calendar year at a time, the receipts issued (ledger order), the figures the
 * association declares under art. 222 bis CGI, the year's CSV and zip of PDFs, the catch-up of missing receipts,
 * the ledger check, and a notice while the issuer settings are incomplete.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\WordPress\Ports\ReceiptOptions;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class ReceiptsPage
{
    public const SLUG = 'guichet-receipts';
    /** Years offered in the selector, back from the current one. */
    private const YEARS_BACK = 6;

    public static function register(): void
    {
        ReceiptActions::register();
    }

    public static function currentYear(): int
    {
        return ReceiptDates::year(Site::clock()->now());
    }

    /** The year asked for, within the selector's range. */
    public static function requestedYear(): int
    {
        $current = self::currentYear();
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- navigation only.
        $year = isset($_GET['year']) ? (int) $_GET['year'] : $current;
        return $year <= $current && $year > $current - self::YEARS_BACK ? $year : $current;
    }

    public static function render(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        echo '<div class="wrap"><h1 class="wp-heading-inline">' . esc_html__('Tax receipts', 'guichet') . '</h1><hr class="wp-header-end">';
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- navigation only.
        $correct = isset($_GET['correct']) ? sanitize_text_field(wp_unslash((string) $_GET['correct'])) : '';
        self::notice();
        if ($correct !== '') {
            $receipt = Site::get()->receiptStore->findReceiptByNumber($correct);
            echo '<p><a href="' . esc_url(admin_url('admin.php?page=' . self::SLUG)) . '">← ' . esc_html__('All receipts', 'guichet') . '</a></p>';
            if ($receipt === null) {
                echo '<p>' . esc_html__('No such receipt.', 'guichet') . '</p></div>';
                return;
            }
            CorrectDonorForm::render($receipt);
            echo '</div>';
            return;
        }
        $year = self::requestedYear();
        self::issuerNotice();
        self::yearSelector($year);
        self::totals($year);
        echo '<p>';
        echo '<a class="button" href="' . esc_url(ReceiptActions::downloadUrl('', 'csv', $year)) . '">' . esc_html__('Export CSV', 'guichet') . '</a> ';
        echo '<a class="button" href="' . esc_url(ReceiptActions::downloadUrl('', 'zip', $year)) . '">' . esc_html__('Export the PDFs (zip)', 'guichet') . '</a> ';
        echo '</p><p>';
        echo ReceiptActions::button('issue_missing', '', __('Issue missing receipts', 'guichet'), '', $year, ''); // phpcs:ignore WordPress.Security.EscapeOutput -- built escaped.
        echo ReceiptActions::button('verify', '', __('Verify the ledger', 'guichet'), '', $year, ''); // phpcs:ignore WordPress.Security.EscapeOutput -- built escaped.
        echo '</p>';
        $table = new ReceiptsTable($year);
        $table->prepare_items();
        $table->display();
        echo '</div>';
    }

    private static function issuerNotice(): void
    {
        $options = Site::get()->receiptSettings;
        if ($options->receiptIssuer() !== null) {
            return;
        }
        $settings = admin_url('admin.php?page=' . SettingsPage::SLUG . '#guichet-receipts');
        $labels = ReceiptLabels::fields();
        $missing = array_map(static function (string $field) use ($labels): string {
            return $labels[$field] ?? $field;
        }, array_keys(ReceiptOptions::problems($options->issuer())));
        echo '<div class="notice notice-warning"><p><strong>' . esc_html__('No tax receipt is issued yet: the issuer settings are incomplete.', 'guichet') . '</strong> ';
        /* translators: %s: list of settings to fill in */
        echo esc_html(sprintf(__('To fill in or correct: %s.', 'guichet'), implode(', ', $missing))) . ' ';
        echo '<a href="' . esc_url($settings) . '">' . esc_html__('Open the tax receipt settings', 'guichet') . '</a>. ';
        echo esc_html__('Then use "Issue missing receipts" for the gifts paid meanwhile.', 'guichet') . '</p></div>';
    }

    private static function yearSelector(int $year): void
    {
        $current = self::currentYear();
        echo '<form method="get" style="margin:1em 0"><input type="hidden" name="page" value="' . esc_attr(self::SLUG) . '">';
        echo '<label for="guichet-receipts-year">' . esc_html__('Year', 'guichet') . '</label> <select id="guichet-receipts-year" name="year">';
        for ($y = $current; $y > $current - self::YEARS_BACK; $y--) {
            echo '<option value="' . esc_attr((string) $y) . '"' . selected($year, $y, false) . '>' . esc_html((string) $y) . '</option>';
        }
        echo '</select> ';
        submit_button(__('Show', 'guichet'), '', '', false);
        echo '</form>';
    }

    /** The art. 222 bis figures: receipts of the year still valid, and the amount they certify. */
    private static function totals(int $year): void
    {
        $totals = Site::get()->receipts()->totals($year);
        $locale = OrdersTable::locale();
        /* translators: %d: year */
        echo '<h2>' . esc_html(sprintf(__('Declaration of the receipts issued in %d (art. 222 bis CGI)', 'guichet'), $year)) . '</h2>';
        echo '<table class="widefat striped" style="max-width:40em"><tbody>';
        $rows = [
            __('Receipts issued (valid)', 'guichet') => (string) (int) $totals['count'],
            __('Total amount certified', 'guichet') => Money::format((int) $totals['amount'], (string) ($totals['currency'] ?? 'EUR'), $locale),
            __('Receipts cancelled', 'guichet') => (string) (int) ($totals['cancelled'] ?? 0),
            __('Receipts corrected', 'guichet') => (string) (int) ($totals['corrected'] ?? 0),
        ];
        foreach ($rows as $label => $value) {
            echo '<tr><th scope="row">' . esc_html($label) . '</th><td>' . esc_html($value) . '</td></tr>';
        }
        echo '</tbody></table>';
    }

    private static function notice(): void
    {
        // phpcs:disable WordPress.Security.NonceVerification.Recommended -- message codes after a redirect.
        $code = isset($_GET['guichet_done']) ? sanitize_key(wp_unslash((string) $_GET['guichet_done'])) : '';
        $number = isset($_GET['guichet_number']) ? sanitize_text_field(wp_unslash((string) $_GET['guichet_number'])) : '';
        $count = isset($_GET['guichet_count']) ? (int) $_GET['guichet_count'] : 0;
        $position = isset($_GET['guichet_position']) ? (int) $_GET['guichet_position'] : 0;
        $reason = isset($_GET['guichet_reason']) ? sanitize_key(wp_unslash((string) $_GET['guichet_reason'])) : '';
        // phpcs:enable
        $reasons = [
            'receipt_not_found' => __('No such receipt.', 'guichet'),
            'receipt_replaced' => __('This receipt was already corrected or cancelled.', 'guichet'),
            'receipt_is_cancellation' => __('A cancellation receipt cannot be changed.', 'guichet'),
            'issuer_not_configured' => __('Fill in the tax receipt settings first.', 'guichet'),
            'invalid_donor' => __('The donor\'s name and full address (street, postal code, city, country) are required.', 'guichet'),
        ];
        $messages = [
            'resent' => __('The receipt was sent to the donor again.', 'guichet'),
            'resend_failed' => __('The receipt could not be sent; check the site\'s e-mail settings.', 'guichet'),
            /* translators: %s: number of the cancellation receipt */
            'cancelled' => sprintf(__('Cancellation receipt %s issued and sent to the donor.', 'guichet'), $number),
            /* translators: %s: number of the correction receipt */
            'corrected' => sprintf(__('Correction receipt %s issued and sent to the donor.', 'guichet'), $number),
            /* translators: %d: number of receipts */
            'issued' => sprintf(_n('%d receipt issued.', '%d receipts issued.', $count, 'guichet'), $count),
            /* translators: %d: number of receipts in the ledger */
            'verified' => sprintf(_n('Ledger verified: %d receipt, every hash and number in order.', 'Ledger verified: %d receipts, every hash and number in order.', $count, 'guichet'), $count),
            /* translators: %d: ledger position */
            'broken' => sprintf(__('The ledger does not verify at position %d: a receipt was changed or removed outside Guichet, or a number is missing.', 'guichet'), $position),
            'error' => $reasons[$reason] ?? __('The action could not be completed.', 'guichet'),
            'failed' => __('The action could not be completed.', 'guichet'),
        ];
        if (isset($messages[$code])) {
            $type = in_array($code, ['error', 'failed', 'broken', 'resend_failed'], true) ? 'error' : 'success';
            echo '<div class="notice notice-' . esc_attr($type) . '" role="status"><p>' . esc_html($messages[$code]) . '</p></div>';
        }
    }
}
