<?php
/**
 * Cleans what the settings form posts. Secret fields come back empty (the form never holds them), so empty
 * means "keep the stored one"; a tick in "remove" clears it. Keys with the wrong prefix are refused with a
 * message rather than saved, so a live key never lands in the test slot by mistake.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\WordPress\Ports\OptionsSettings;

defined('ABSPATH') || exit;

final class SettingsSanitizer
{
    /** Secret fields and the prefixes each accepts. */
    public const SECRETS = [
        'testSecretKey' => ['sk_test_', 'rk_test_'],
        'liveSecretKey' => ['sk_live_', 'rk_live_'],
        'webhookSecret' => ['whsec_'],
    ];
    private const PUBLISHABLE = ['testPublishableKey' => 'pk_test_', 'livePublishableKey' => 'pk_live_'];

    /**
     * @param mixed $input
     * @return array<string, mixed>
     */
    public static function sanitize($input): array
    {
        $stored = OptionsSettings::stored();
        $input = is_array($input) ? $input : [];
        $out = $stored;
        $text = static function ($value): string {
            return sanitize_text_field((string) $value);
        };
        foreach (['name', 'address'] as $key) {
            $out['organization'][$key] = $key === 'address'
                ? sanitize_textarea_field((string) ($input['organization'][$key] ?? ''))
                : $text($input['organization'][$key] ?? '');
        }
        $out['defaultLocale'] = ($input['defaultLocale'] ?? '') === 'en' ? 'en' : 'fr';
        $out['simulation'] = !empty($input['simulation']);
        $out['rateLimit'] = max(0, min(1000, (int) ($input['rateLimit'] ?? 20)));
        $stripe = (array) ($input['stripe'] ?? []);
        $out['stripe']['mode'] = ($stripe['mode'] ?? '') === 'live' ? 'live' : 'test';
        $out['stripe']['uiMode'] = ($stripe['uiMode'] ?? '') === 'elements' ? 'elements' : 'embedded_page';
        foreach (self::PUBLISHABLE as $key => $prefix) {
            $value = trim($text($stripe[$key] ?? ''));
            if ($value === '' || strpos($value, $prefix) === 0) {
                $out['stripe'][$key] = $value;
            } else {
                self::refuse($key, $prefix);
            }
        }
        foreach (self::SECRETS as $key => $prefixes) {
            if (!empty($stripe['clear'][$key])) {
                $out['stripe'][$key] = '';
                continue;
            }
            $value = trim((string) ($stripe[$key] ?? ''));
            if ($value === '') {
                continue;
            }
            $ok = false;
            foreach ($prefixes as $prefix) {
                $ok = $ok || (strpos($value, $prefix) === 0 && preg_match('/^[A-Za-z0-9_]+$/', $value) === 1);
            }
            if ($ok) {
                $out['stripe'][$key] = $value;
            } else {
                self::refuse($key, implode(' / ', $prefixes));
            }
        }
        $offline = (array) ($input['offline'] ?? []);
        $out['offline']['cheque'] = [
            'payee' => $text($offline['cheque']['payee'] ?? ''),
            'address' => sanitize_textarea_field((string) ($offline['cheque']['address'] ?? '')),
        ];
        $out['offline']['transfer'] = [
            'iban' => strtoupper(preg_replace('/\s+/', '', $text($offline['transfer']['iban'] ?? ''))),
            'bic' => strtoupper($text($offline['transfer']['bic'] ?? '')),
            'holder' => $text($offline['transfer']['holder'] ?? ''),
        ];
        $out['receipts'] = ReceiptSettingsInput::sanitize((array) ($input['receipts'] ?? []), (array) $stored['receipts']);
        return $out;
    }

    private static function refuse(string $key, string $prefix): void
    {
        add_settings_error(
            OptionsSettings::OPTION,
            'guichet_' . $key,
            /* translators: 1: field name, 2: expected prefix such as sk_test_ */
            sprintf(__('%1$s was not saved: it should start with %2$s.', 'guichet'), $key, $prefix)
        );
    }
}
