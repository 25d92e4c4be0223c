<?php
/**
 * Settings → Guichet, on the Settings API: the association's identity, payment keys (secret ones are never
 * printed back, only masked), the exact webhook URL to paste in Stripe, offline methods, the tax receipts' issuer
 * and the simulation.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\WordPress\Ports\OptionsSettings;
use Guichet\WordPress\Ports\ReceiptOptions;

defined('ABSPATH') || exit;

final class SettingsPage
{
    public const SLUG = 'guichet-settings';
    private const GROUP = 'guichet';

    public static function register(): void
    {
        Menu::register();
        add_action('admin_init', [self::class, 'registerSetting']);
        add_filter('option_page_capability_' . self::GROUP, static function (): string {
            return current_user_can(Menu::CAPABILITY) ? Menu::CAPABILITY : 'manage_options';
        });
    }

    public static function registerSetting(): void
    {
        register_setting(self::GROUP, OptionsSettings::OPTION, [
            'type' => 'array',
            'sanitize_callback' => [SettingsSanitizer::class, 'sanitize'],
            'show_in_rest' => false,
        ]);
    }

    public static function webhookUrl(): string
    {
        return rest_url('guichet/v1/webhooks/stripe');
    }

    /**
     * The issuer of the tax receipts, each problem next to its field once the treasurer started filling it in.
     * @param array<string, mixed> $r
     */
    private static function receipts(string $name, array $r): void
    {
        $options = new ReceiptOptions();
        $problems = $options->started() ? ReceiptOptions::problems($options->issuer()) : [];
        $locale = OrdersTable::locale();
        $error = static function (string $field) use ($problems, $locale): string {
            return isset($problems[$field]) ? ReceiptLabels::problem($field, $problems[$field], $locale) : '';
        };
        $labels = ReceiptLabels::fields();
        echo '<h2 id="guichet-receipts">' . esc_html__('Tax receipts', 'guichet') . '</h2>';
        echo '<p>' . esc_html__('Donors who ask for it receive a tax receipt (cerfa 11580*05) by e-mail when their gift is paid, and recurring donors one summary each January. Receipts are issued only once every field below is filled in; the name is the association\'s above.', 'guichet') . '</p>';
        if (isset($problems['name'])) {
            echo '<p class="guichet-field-error" style="color:#b32d2e"><strong>' . esc_html($error('name')) . '</strong></p>';
        }
        echo '<table class="form-table" role="presentation">';
        foreach (['line1', 'line2', 'postalCode', 'city', 'country'] as $key) {
            Fields::text($name . '[address][' . $key . ']', $labels['address.' . $key], (string) $r['address'][$key], '', $error('address.' . $key));
        }
        Fields::textarea($name . '[object]', $labels['object'], (string) $r['object'], __('As in your statutes, one or two sentences.', 'guichet'), $error('object'));
        Fields::select($name . '[status]', $labels['status'], (string) $r['status'], ['' => __('— Choose —', 'guichet')] + ReceiptLabels::statuses(), '', $error('status'));
        Fields::text($name . '[statusDetail]', $labels['statusDetail'], (string) $r['statusDetail'],
            __('Public utility: the date of the decree. Other body: which kind.', 'guichet'), $error('statusDetail'));
        Fields::text($name . '[prefix]', $labels['prefix'], (string) $r['prefix'], __('RF gives numbers like RF-2026-00001.', 'guichet'), $error('prefix'));
        Fields::text($name . '[signatoryName]', $labels['signatory.name'], (string) $r['signatoryName'], '', $error('signatory.name'));
        Fields::text($name . '[signatoryRole]', $labels['signatory.role'], (string) $r['signatoryRole'], __('e.g. Treasurer, President', 'guichet'), $error('signatory.role'));
        Fields::image($name, 'signatureId', ReceiptSettingsInput::UPLOAD, $labels['signatureImage'], (int) $r['signatureId'],
            __('Optional. A scan of the signature, printed above the signatory\'s name (PNG without transparency, or JPEG).', 'guichet'), $error('signatureImage'));
        echo '</table>';
    }

    public static function render(): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        $s = OptionsSettings::stored();
        $name = OptionsSettings::OPTION;
        echo '<div class="wrap"><h1>' . esc_html__('Guichet settings', 'guichet') . '</h1>';
        settings_errors($name);
        // options.php files its "Settings saved." under 'general', which only Settings → pages print by themselves.
        settings_errors('general');
        ConnectionTest::notice();
        echo '<form method="post" action="options.php" enctype="multipart/form-data">';
        settings_fields(self::GROUP);

        echo '<h2>' . esc_html__('Your association', 'guichet') . '</h2><table class="form-table" role="presentation">';
        Fields::text($name . '[organization][name]', __('Name', 'guichet'), $s['organization']['name']);
        Fields::textarea($name . '[organization][address]', __('Address', 'guichet'), $s['organization']['address']);
        Fields::select($name . '[defaultLocale]', __('Default language of forms', 'guichet'), $s['defaultLocale'], ['fr' => 'Français', 'en' => 'English']);
        echo '</table>';

        echo '<h2>' . esc_html__('Stripe', 'guichet') . '</h2>';
        echo '<p>' . esc_html__('Payments go straight to your own Stripe account. Secret keys are stored on this site only and never shown again: leave a field empty to keep the saved key.', 'guichet') . '</p>';
        echo '<table class="form-table" role="presentation">';
        Fields::select($name . '[stripe][mode]', __('Mode', 'guichet'), $s['stripe']['mode'], ['test' => __('Test', 'guichet'), 'live' => __('Live', 'guichet')]);
        Fields::text($name . '[stripe][testPublishableKey]', __('Test publishable key (pk_test_…)', 'guichet'), $s['stripe']['testPublishableKey']);
        Fields::secret($name . '[stripe]', 'testSecretKey', __('Test secret key (sk_test_…)', 'guichet'), $s['stripe']['testSecretKey']);
        Fields::text($name . '[stripe][livePublishableKey]', __('Live publishable key (pk_live_…)', 'guichet'), $s['stripe']['livePublishableKey']);
        Fields::secret($name . '[stripe]', 'liveSecretKey', __('Live secret key (sk_live_…)', 'guichet'), $s['stripe']['liveSecretKey']);
        Fields::secret($name . '[stripe]', 'webhookSecret', __('Webhook signing secret (whsec_…)', 'guichet'), $s['stripe']['webhookSecret']);
        Fields::readonly('guichet-webhook-url', __('Webhook URL to paste in Stripe', 'guichet'), self::webhookUrl(),
            __('In Stripe: Developers → Webhooks → Add endpoint. Select the checkout, payment_intent, charge and invoice events.', 'guichet'));
        echo '</table>';

        echo '<h2>' . esc_html__('Cheques and transfers', 'guichet') . '</h2><table class="form-table" role="presentation">';
        Fields::text($name . '[offline][cheque][payee]', __('Cheques payable to', 'guichet'), $s['offline']['cheque']['payee']);
        Fields::textarea($name . '[offline][cheque][address]', __('Address to send cheques to', 'guichet'), $s['offline']['cheque']['address']);
        Fields::text($name . '[offline][transfer][holder]', __('Account holder', 'guichet'), $s['offline']['transfer']['holder']);
        Fields::text($name . '[offline][transfer][iban]', __('IBAN', 'guichet'), $s['offline']['transfer']['iban']);
        Fields::text($name . '[offline][transfer][bic]', __('BIC', 'guichet'), $s['offline']['transfer']['bic']);
        echo '</table>';

        self::receipts($name . '[receipts]', (array) $s['receipts']);

        echo '<h2>' . esc_html__('Testing', 'guichet') . '</h2><table class="form-table" role="presentation">';
        Fields::checkbox($name . '[simulation]', __('Simulation payments', 'guichet'), (bool) $s['simulation'],
            __('Lets anyone "pay" with test cards that take no money. For trying the forms; turn it off before going live.', 'guichet'));
        Fields::number($name . '[rateLimit]', __('Orders per minute from one address (0: no limit)', 'guichet'), (int) $s['rateLimit']);
        echo '</table>';
        submit_button();
        echo '</form>';
        // Its own form after the settings (forms cannot nest): it tests the keys as saved.
        echo '<h2>' . esc_html__('Check the Stripe keys', 'guichet') . '</h2>';
        ConnectionTest::button();
        echo '</div>';
    }
}
