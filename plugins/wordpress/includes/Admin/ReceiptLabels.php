<?php
/**
 * Words of the tax receipts shown in wp-admin, in the plugin's text domain: the beneficiary statuses as the cerfa
 * 11580*05 words its boxes, the receipt kinds, and the settings' field names and problems.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Protocol\ErrorCatalogue;

defined('ABSPATH') || exit;

final class ReceiptLabels
{
    /** @return array<string, string> status => label, in the order of BENEFICIARY_STATUSES */
    public static function statuses(): array
    {
        return [
            'general_interest' => __('Charity or body of general interest', 'guichet'),
            'public_utility' => __('Association or foundation recognised as being of public utility (give the date of the decree)', 'guichet'),
            'food_aid_or_care' => __('Association giving free food aid or medical care to people in difficulty, or helping to house them', 'guichet'),
            'cultural_or_festival' => __('Body whose main activity is organising festivals, or Musée de France', 'guichet'),
            'religious_alsace_moselle' => __('Religious or charitable association, or public establishment of a recognised religion, in Alsace-Moselle', 'guichet'),
            'research' => __('Public or private non-profit research establishment of general interest', 'guichet'),
            'higher_education' => __('Public or private non-profit higher or arts education establishment of general interest', 'guichet'),
            'corporate_foundation' => __('Corporate foundation', 'guichet'),
            'other' => __('Other body (say which)', 'guichet'),
        ];
    }

    public static function kind(string $kind): string
    {
        $labels = [
            'payment' => __('Gift', 'guichet'),
            'annual' => __('Annual summary', 'guichet'),
            'correction' => __('Correction', 'guichet'),
            'cancellation' => __('Cancellation', 'guichet'),
        ];
        return $labels[$kind] ?? $kind;
    }

    /** @return array<string, string> issuer field path => label */
    public static function fields(): array
    {
        return [
            'name' => __('Name', 'guichet'),
            'address.line1' => __('Street address', 'guichet'),
            'address.line2' => __('Address, second line', 'guichet'),
            'address.postalCode' => __('Postal code', 'guichet'),
            'address.city' => __('City', 'guichet'),
            'address.country' => __('Country (two letters, e.g. FR)', 'guichet'),
            'object' => __('Object of the association', 'guichet'),
            'status' => __('Status (box ticked on the receipt)', 'guichet'),
            'statusDetail' => __('Status detail (decree date, kind of body)', 'guichet'),
            'prefix' => __('Number prefix (capital letters, optional)', 'guichet'),
            'signatory.name' => __('Signatory name', 'guichet'),
            'signatory.role' => __('Signatory role', 'guichet'),
            'signatureImage' => __('Signature image (JPEG or PNG)', 'guichet'),
        ];
    }

    /**
     * The problem with one field, in the user's language: the shared FR/EN catalogue's message when it knows the
     * code, a plain one otherwise.
     * @param array{code: string, params: array<string, mixed>} $problem
     */
    public static function problem(string $field, array $problem, string $locale): string
    {
        $catalogue = ErrorCatalogue::shared();
        $label = self::fields()[$field] ?? $field;
        if ($catalogue->has($problem['code'])) {
            $params = array_map('strval', array_filter($problem['params'], 'is_scalar')) + ['field' => $label];
            return $catalogue->message($problem['code'], $locale, $params);
        }
        /* translators: %s: the field's name */
        return sprintf(__('%s: please check this field.', 'guichet'), $label);
    }
}
