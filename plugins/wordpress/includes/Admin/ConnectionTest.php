<?php
/**
 * Settings → "Test the Stripe connection": one harmless read (the latest event) with the saved secret key of the
 * current mode, then back to the settings with the outcome. Stripe's own message is never shown: it may quote
 * part of the key.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\Stripe\StripeClient;
use Guichet\WordPress\Ports\OptionsSettings;
use Guichet\WordPress\Ports\WpHttpClient;

defined('ABSPATH') || exit;

final class ConnectionTest
{
    public const ACTION = 'guichet_test_stripe';
    public const RESULT = 'guichet_stripe_test';

    public static function register(): void
    {
        add_action('admin_post_' . self::ACTION, [self::class, 'handle']);
    }

    public static function handle(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        check_admin_referer(self::ACTION);
        $result = self::run((new OptionsSettings())->provider('stripe'));
        wp_safe_redirect(add_query_arg([self::RESULT => $result], admin_url('admin.php?page=' . SettingsPage::SLUG)));
        exit;
    }

    /**
     * @param array<string, mixed>|null $stripe the provider settings (null: keys missing)
     * @return string ok | missing | refused | unreachable
     */
    public static function run(?array $stripe): string
    {
        if ($stripe === null) {
            return 'missing';
        }
        $client = new StripeClient(new WpHttpClient(), (string) $stripe['secretKey'], $stripe['apiBase'] ?? null);
        try {
            $client->get('/v1/events', ['limit' => 1]);
            return 'ok';
        } catch (ProviderError $e) {
            return $e->providerCode() === null ? 'unreachable' : 'refused';
        }
    }

    /** The notice for a result just read from the query string ('' when there is none). */
    public static function notice(): void
    {
        // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
        $result = isset($_GET[self::RESULT]) ? sanitize_key(wp_unslash((string) $_GET[self::RESULT])) : '';
        $messages = [
            'ok' => ['success', __('Stripe accepted the secret key: the connection works.', 'guichet')],
            'missing' => ['warning', __('Save a publishable key and a secret key for the current mode first.', 'guichet')],
            'refused' => ['error', __('Stripe refused the secret key. Check that you copied the whole key of the right mode.', 'guichet')],
            'unreachable' => ['error', __('Stripe could not be reached from this site. Try again later, or ask your host whether outgoing connections are allowed.', 'guichet')],
        ];
        if (!isset($messages[$result])) {
            return;
        }
        [$type, $text] = $messages[$result];
        echo '<div class="notice notice-' . esc_attr($type) . '" role="status"><p>' . esc_html($text) . '</p></div>';
    }

    public static function button(): void
    {
        echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '">';
        echo '<input type="hidden" name="action" value="' . esc_attr(self::ACTION) . '">';
        wp_nonce_field(self::ACTION);
        submit_button(__('Test the Stripe connection', 'guichet'), 'secondary', 'guichet-test-stripe', false);
        echo '</form>';
    }
}
