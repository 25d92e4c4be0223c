<?php
/**
 * The adapter's Settings port on WordPress options. Everything lives in one option (guichet_settings) written
 * by the settings page; the simulation's signing secret is generated once and never shown anywhere.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Ports;

use Guichet\Adapter\Ports\Settings;

defined('ABSPATH') || exit;

final class OptionsSettings implements Settings
{
    public const OPTION = 'guichet_settings';
    public const SIMULATION_SECRET_OPTION = 'guichet_simulation_secret';

    /** @var array<string, mixed> */
    private array $values;

    /** @param array<string, mixed>|null $values defaults to the stored option */
    public function __construct(?array $values = null)
    {
        $this->values = $values ?? self::stored();
    }

    /** @return array<string, mixed> the stored settings over their defaults */
    public static function stored(): array
    {
        $stored = get_option(self::OPTION, []);
        return array_replace_recursive(self::defaults(), is_array($stored) ? $stored : []);
    }

    /** @return array<string, mixed> */
    public static function defaults(): array
    {
        return [
            'organization' => ['name' => '', 'address' => '', 'object' => '', 'status' => ''],
            'defaultLocale' => strpos((string) get_locale(), 'fr') === 0 ? 'fr' : 'en',
            'simulation' => false,
            'stripe' => [
                'mode' => 'test',
                'testPublishableKey' => '',
                'testSecretKey' => '',
                'livePublishableKey' => '',
                'liveSecretKey' => '',
                'webhookSecret' => '',
                'uiMode' => 'embedded_page',
            ],
            'offline' => [
                'cheque' => ['payee' => '', 'address' => ''],
                'transfer' => ['iban' => '', 'bic' => '', 'holder' => ''],
            ],
            'rateLimit' => 20,
            'receipts' => ReceiptOptions::defaults(),
        ];
    }

    /** @return mixed */
    public function get(string $key)
    {
        return $this->values[$key] ?? null;
    }

    public function organizationName(): string
    {
        $name = (string) ($this->values['organization']['name'] ?? '');
        return $name !== '' ? $name : (string) get_bloginfo('name');
    }

    public function apiBaseUrl(): string
    {
        return untrailingslashit(rest_url('guichet/v1'));
    }

    public function defaultLocale(): string
    {
        return ($this->values['defaultLocale'] ?? 'fr') === 'en' ? 'en' : 'fr';
    }

    public function provider(string $providerId): ?array
    {
        if ($providerId === 'simulation') {
            return $this->values['simulation'] === true ? ['enabled' => true, 'secret' => self::simulationSecret()] : null;
        }
        if ($providerId === 'stripe') {
            return $this->stripe();
        }
        if ($providerId === 'offline') {
            return $this->offline();
        }
        return null;
    }

    /** @return array<string, mixed>|null */
    private function stripe(): ?array
    {
        $stripe = $this->values['stripe'];
        $prefix = $stripe['mode'] === 'live' ? 'live' : 'test';
        $secret = (string) $stripe[$prefix . 'SecretKey'];
        $publishable = (string) $stripe[$prefix . 'PublishableKey'];
        if ($secret === '' || $publishable === '') {
            return null;
        }
        $settings = [
            'secretKey' => $secret,
            'publishableKey' => $publishable,
            'webhookSecret' => (string) $stripe['webhookSecret'],
            'uiMode' => $stripe['uiMode'] === 'elements' ? 'elements' : 'embedded_page',
        ];
        // Tests point the provider at the repository's Stripe emulator; never set on a real site.
        if (defined('GUICHET_STRIPE_API_BASE')) {
            $settings['apiBase'] = (string) GUICHET_STRIPE_API_BASE;
        }
        return $settings;
    }

    /** @return array<string, mixed>|null */
    private function offline(): ?array
    {
        $offline = $this->values['offline'];
        $out = [];
        if ($offline['cheque']['payee'] !== '') {
            $out['cheque'] = ['payee' => (string) $offline['cheque']['payee'], 'address' => (string) $offline['cheque']['address']];
        }
        if ($offline['transfer']['iban'] !== '') {
            $out['transfer'] = [
                'iban' => (string) $offline['transfer']['iban'],
                'bic' => (string) $offline['transfer']['bic'],
                'holder' => (string) $offline['transfer']['holder'],
            ];
        }
        return $out === [] ? null : $out;
    }

    /** Signs simulated client secrets and events: generated at first use, kept server-side only. */
    public static function simulationSecret(): string
    {
        $secret = (string) get_option(self::SIMULATION_SECRET_OPTION, '');
        if (strlen($secret) < 16) {
            $secret = wp_generate_password(48, false, false);
            update_option(self::SIMULATION_SECRET_OPTION, $secret, false);
        }
        return $secret;
    }
}
