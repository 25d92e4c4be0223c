<?php
/**
 * Cleans the "Tax receipts" part of the settings form. Everything typed is kept, complete or not, so nothing is
 * lost: the page then shows each problem next to its field (ReceiptOptions::problems), and no receipt is issued
 * until none is left. The signature comes as an upload into the media library or as an image already there.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\WordPress\Ports\OptionsSettings;
use Guichet\WordPress\Ports\ReceiptOptions;

defined('ABSPATH') || exit;

final class ReceiptSettingsInput
{
    public const UPLOAD = 'guichet_signature_upload';
    private const TYPES = ['image/jpeg', 'image/png'];

    /** WordPress runs the sanitizer twice when the option is first created: one upload per request. */
    private static ?int $uploaded = null;

    /**
     * @param array<string, mixed> $input
     * @param array<string, mixed> $stored
     * @return array<string, mixed>
     */
    public static function sanitize(array $input, array $stored): array
    {
        $text = static function ($value): string {
            return trim(sanitize_text_field((string) $value));
        };
        $address = (array) ($input['address'] ?? []);
        $status = (string) ($input['status'] ?? '');
        $out = [
            'address' => [
                'line1' => $text($address['line1'] ?? ''),
                'line2' => $text($address['line2'] ?? ''),
                'postalCode' => $text($address['postalCode'] ?? ''),
                'city' => $text($address['city'] ?? ''),
                'country' => strtoupper($text($address['country'] ?? '')),
            ],
            'object' => trim(sanitize_textarea_field((string) ($input['object'] ?? ''))),
            'status' => array_key_exists($status, ReceiptLabels::statuses()) ? $status : '',
            'statusDetail' => $text($input['statusDetail'] ?? ''),
            'prefix' => strtoupper($text($input['prefix'] ?? '')),
            'signatoryName' => $text($input['signatoryName'] ?? ''),
            'signatoryRole' => $text($input['signatoryRole'] ?? ''),
            'signatureId' => self::signature($input, (int) ($stored['signatureId'] ?? 0)),
        ];
        $settings = OptionsSettings::stored();
        $settings['receipts'] = $out;
        $receipts = new ReceiptOptions($settings);
        $problems = ReceiptOptions::problems($receipts->issuer());
        if ($receipts->started() && $problems !== []) {
            add_settings_error(
                OptionsSettings::OPTION,
                'guichet_receipts',
                /* translators: %d: number of fields to complete or correct */
                sprintf(_n(
                    'Tax receipts: %d field needs your attention (see the Tax receipts section). No receipt is issued until it is complete.',
                    'Tax receipts: %d fields need your attention (see the Tax receipts section). No receipt is issued until they are complete.',
                    count($problems),
                    'guichet'
                ), count($problems)),
                'warning'
            );
        }
        return $out;
    }

    /** @param array<string, mixed> $input */
    private static function signature(array $input, int $stored): int
    {
        if (!empty($input['clear']['signatureId'])) {
            return 0;
        }
        // phpcs:ignore WordPress.Security.NonceVerification.Missing -- options.php checked the settings nonce.
        $file = $_FILES[self::UPLOAD] ?? null;
        if (is_array($file) && (int) ($file['error'] ?? UPLOAD_ERR_NO_FILE) !== UPLOAD_ERR_NO_FILE) {
            return self::upload($stored);
        }
        $typed = (int) ($input['signatureId'] ?? 0);
        if ($typed <= 0 || $typed === $stored) {
            return max(0, $typed);
        }
        if (!in_array((string) get_post_mime_type($typed), self::TYPES, true)) {
            self::refuse(__('The signature must be a JPEG or PNG image from the media library; the previous one is kept.', 'guichet'));
            return $stored;
        }
        return $typed;
    }

    private static function upload(int $stored): int
    {
        if (self::$uploaded !== null) {
            return self::$uploaded;
        }
        require_once ABSPATH . 'wp-admin/includes/file.php';
        require_once ABSPATH . 'wp-admin/includes/media.php';
        require_once ABSPATH . 'wp-admin/includes/image.php';
        $id = media_handle_upload(self::UPLOAD, 0, [], [
            'test_form' => false,
            'mimes' => ['jpg|jpeg|jpe' => 'image/jpeg', 'png' => 'image/png'],
        ]);
        if (is_wp_error($id)) {
            /* translators: %s: why WordPress refused the file */
            self::refuse(sprintf(__('The signature image was not saved: %s', 'guichet'), $id->get_error_message()));
            return self::$uploaded = $stored;
        }
        return self::$uploaded = (int) $id;
    }

    private static function refuse(string $message): void
    {
        add_settings_error(OptionsSettings::OPTION, 'guichet_signature', $message);
    }
}
