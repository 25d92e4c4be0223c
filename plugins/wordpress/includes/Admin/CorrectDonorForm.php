<?php
/**
 * "Correct the donor" on a receipt: the donor's name and address as the receipt says them, to fix a typo or a
 * move. Saving issues a correction receipt ("annule et remplace") through the adapter; the old one stays in the
 * ledger, marked replaced.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

defined('ABSPATH') || exit;

final class CorrectDonorForm
{
    private const TYPED = 'guichet_correct_donor_';

    /**
     * What the treasurer typed when the adapter refused it, for the form shown again (five minutes, this user only).
     * @param array<string, mixed> $donor
     * @param array<int, array<string, mixed>> $errors {code, field}
     */
    public static function keepTyped(string $number, array $donor, array $errors): void
    {
        $fields = array_values(array_filter(array_map(static function (array $error): string {
            return (string) ($error['field'] ?? '');
        }, $errors)));
        set_transient(self::TYPED . get_current_user_id(), ['number' => $number, 'donor' => $donor, 'fields' => $fields], 5 * MINUTE_IN_SECONDS);
    }

    /** @param array<string, mixed> $receipt */
    public static function render(array $receipt): void
    {
        $number = (string) $receipt['number'];
        $donor = (array) ($receipt['document']['donor'] ?? []);
        $invalid = [];
        $typed = get_transient(self::TYPED . get_current_user_id());
        if (is_array($typed) && ($typed['number'] ?? '') === $number) {
            delete_transient(self::TYPED . get_current_user_id());
            $donor = (array) $typed['donor'];
            $invalid = array_flip((array) $typed['fields']);
        }
        $address = (array) ($donor['address'] ?? []);
        $company = ($donor['type'] ?? '') === 'company';
        $error = static function (string $field) use ($invalid): string {
            return isset($invalid[$field]) ? __('This field is required.', 'guichet') : '';
        };
        /* translators: %s: receipt number */
        echo '<h2>' . esc_html(sprintf(__('Correct the donor of receipt %s', 'guichet'), $number)) . '</h2>';
        echo '<p>' . esc_html__('A correction receipt with a new number replaces this one ("annule et remplace") and is e-mailed to the donor. The amount stays the same.', 'guichet') . '</p>';
        echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '">';
        wp_nonce_field(ReceiptActions::nonce('correct', $number));
        echo '<input type="hidden" name="action" value="' . esc_attr(ReceiptActions::ACTION) . '">';
        echo '<input type="hidden" name="operation" value="correct">';
        echo '<input type="hidden" name="number" value="' . esc_attr($number) . '">';
        echo '<input type="hidden" name="year" value="' . esc_attr((string) $receipt['year']) . '">';
        echo '<input type="hidden" name="donor[type]" value="' . esc_attr($company ? 'company' : 'individual') . '">';
        echo '<table class="form-table" role="presentation">';
        if ($company) {
            Fields::text('donor[name]', __('Company name', 'guichet'), (string) ($donor['name'] ?? ''), '', $error('name'));
            Fields::text('donor[siren]', __('SIREN (optional)', 'guichet'), (string) ($donor['siren'] ?? ''), '', $error('siren'));
        } else {
            Fields::text('donor[firstName]', __('First name', 'guichet'), (string) ($donor['firstName'] ?? ''), '', $error('firstName'));
            Fields::text('donor[lastName]', __('Last name', 'guichet'), (string) ($donor['lastName'] ?? ''), '', $error('lastName'));
        }
        $labels = ReceiptLabels::fields();
        foreach (['line1', 'line2', 'postalCode', 'city', 'country'] as $key) {
            Fields::text('donor[address][' . $key . ']', $labels['address.' . $key], (string) ($address[$key] ?? ''), '', $error('address.' . $key));
        }
        echo '</table>';
        submit_button(__('Issue the correction', 'guichet'));
        echo '</form>';
    }

    /**
     * The donor posted by the form, as a ReceiptDonor (the adapter checks what is missing).
     * @param array<string, mixed> $posted
     * @return array<string, mixed>
     */
    public static function donor(array $posted): array
    {
        $text = static function ($value): string {
            return trim(sanitize_text_field((string) $value));
        };
        $address = (array) ($posted['address'] ?? []);
        $clean = array_filter([
            'line1' => $text($address['line1'] ?? ''),
            'line2' => $text($address['line2'] ?? ''),
            'postalCode' => $text($address['postalCode'] ?? ''),
            'city' => $text($address['city'] ?? ''),
            'country' => strtoupper($text($address['country'] ?? '')),
        ], static function (string $value, string $key): bool {
            return $key !== 'line2' || $value !== '';
        }, ARRAY_FILTER_USE_BOTH);
        if (($posted['type'] ?? '') === 'company') {
            $donor = ['type' => 'company', 'name' => $text($posted['name'] ?? '')];
            if ($text($posted['siren'] ?? '') !== '') {
                $donor['siren'] = $text($posted['siren']);
            }
            return $donor + ['address' => $clean];
        }
        return ['type' => 'individual', 'firstName' => $text($posted['firstName'] ?? ''), 'lastName' => $text($posted['lastName'] ?? ''), 'address' => $clean];
    }
}
