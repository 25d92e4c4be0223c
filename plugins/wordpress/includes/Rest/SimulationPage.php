<?php
/**
 * The simulation's test-card page for visitors without JavaScript: a plain HTML form (admin-post.php, open to
 * visitors) that posts a test card to the adapter's SimulatePayment, shows the 3-D Secure question when the card
 * asks for it, then sends the payer back to the page of the form with guichet_order and guichet_token, where the
 * block prints the order's status. The client secret authorises the payment, as for the widget.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Rest;

use Guichet\Adapter\Protocol\Json;
use Guichet\WordPress\Blocks\Render;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class SimulationPage
{
    public const ACTION = 'guichet_simulation';

    public static function register(): void
    {
        foreach (['admin_post_nopriv_', 'admin_post_'] as $hook) {
            add_action($hook . self::ACTION, [self::class, 'handle']);
        }
    }

    /** Where the no-JS form sends the payer of a simulation order. */
    public static function url(string $orderId, string $token, string $clientSecret, string $returnTo, string $locale): string
    {
        return add_query_arg(array_map('rawurlencode', [
            'action' => self::ACTION,
            'order' => $orderId,
            'token' => $token,
            'secret' => $clientSecret,
            'returnTo' => $returnTo,
            'locale' => $locale,
        ]), admin_url('admin-post.php'));
    }

    public static function handle(): void
    {
        // phpcs:disable WordPress.Security.NonceVerification -- the client secret authorises, as for the REST route.
        $in = wp_unslash($_SERVER['REQUEST_METHOD'] === 'POST' ? $_POST : $_GET);
        // phpcs:enable
        $orderId = preg_match('/^[A-Za-z0-9_-]{1,64}$/', (string) ($in['order'] ?? '')) ? (string) $in['order'] : '';
        $token = (string) ($in['token'] ?? '');
        $secret = (string) ($in['secret'] ?? '');
        $locale = ($in['locale'] ?? '') === 'en' ? 'en' : 'fr';
        $back = wp_validate_redirect((string) ($in['returnTo'] ?? ''), home_url('/'));
        self::speak($locale);
        $fields = ['order' => $orderId, 'token' => $token, 'secret' => $secret, 'returnTo' => $back, 'locale' => $locale];
        $site = Site::get();
        $status = $site->protocol()->handle('GET', '/orders/' . $orderId, [], ['token' => $token, 'locale' => $locale], '');
        if ($orderId === '' || $status->status !== 200) {
            wp_die(esc_html(__('This payment link is not valid.', 'guichet')), '', 404);
        }
        $done = self::back($back, $orderId, $token);
        if ($_SERVER['REQUEST_METHOD'] !== 'POST') {
            self::page($fields, $status->body, null, false);
            return;
        }
        $step = (string) ($in['step'] ?? 'confirm');
        $body = $step === 'challenge'
            ? ['clientSecret' => $secret, 'approve' => ($in['approve'] ?? '') === '1']
            : ['clientSecret' => $secret, 'card' => (string) ($in['card'] ?? '')];
        $answer = $site->protocol()->handle('POST', '/simulation/' . $orderId . '/' . ($step === 'challenge' ? 'challenge' : 'confirm'), ['Content-Type' => 'application/json', 'Accept-Language' => $locale], ['locale' => $locale], Json::encode($body));
        if ($answer->status === 200 && ($answer->body['outcome'] ?? '') === 'requires_action') {
            self::page($fields, $status->body, null, true);
            return;
        }
        if ($answer->status !== 200) {
            self::page($fields, $status->body, (string) ($answer->body['error']['message'] ?? ''), false);
            return;
        }
        if (($answer->body['outcome'] ?? '') === 'declined') {
            // As in the widget: the payer reads why and may try another card on the same page.
            self::page($fields, $status->body, (string) ($answer->body['order']['failure']['message'] ?? __('The payment did not go through.', 'guichet')), false);
            return;
        }
        wp_safe_redirect($done, 303);
        exit;
    }

    private static function back(string $page, string $orderId, string $token): string
    {
        return add_query_arg(['guichet_order' => rawurlencode($orderId), 'guichet_token' => rawurlencode($token)], $page);
    }

    /**
     * @param array<string, string> $fields
     * @param array<string, mixed> $order OrderStatus
     */
    private static function page(array $fields, array $order, ?string $error, bool $challenge): void
    {
        $locale = $fields['locale'];
        $amount = Render::money((int) $order['total'], (string) $order['currency'], $locale);
        nocache_headers();
        header('Content-Type: text/html; charset=utf-8');
        $hidden = '';
        foreach ($fields as $name => $value) {
            $hidden .= '<input type="hidden" name="' . esc_attr($name) . '" value="' . esc_attr($value) . '">';
        }
        $hidden .= '<input type="hidden" name="action" value="' . esc_attr(self::ACTION) . '">';
        $action = esc_url(admin_url('admin-post.php'));
        $title = $challenge ? __('3-D Secure check (simulation)', 'guichet') : __('Payment (simulation)', 'guichet');
        echo '<!DOCTYPE html><html lang="' . esc_attr($locale) . '"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
        echo '<title>' . esc_html($title) . '</title></head><body><main><h1>' . esc_html($title) . '</h1>';
        if ($error !== null && $error !== '') {
            echo '<p role="alert">' . esc_html($error) . '</p>';
        }
        /* translators: %s: amount */
        echo '<p>' . esc_html(sprintf(__('Amount to pay: %s', 'guichet'), $amount)) . '</p>';
        echo '<form method="post" action="' . $action . '">' . $hidden;
        if ($challenge) {
            echo '<input type="hidden" name="step" value="challenge">';
            echo '<p>' . esc_html(__('Your bank asks you to confirm this payment.', 'guichet')) . '</p>';
            echo '<button type="submit" name="approve" value="1">' . esc_html(__('Approve', 'guichet')) . '</button> ';
            echo '<button type="submit" name="approve" value="0">' . esc_html(__('Refuse', 'guichet')) . '</button>';
        } else {
            echo '<input type="hidden" name="step" value="confirm">';
            echo '<p><label for="guichet-card">' . esc_html(__('Test card number', 'guichet')) . '</label> ';
            echo '<input id="guichet-card" name="card" inputmode="numeric" autocomplete="off" value="4242 4242 4242 4242" aria-describedby="guichet-cards"></p>';
            echo '<p id="guichet-cards">' . esc_html(__('Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0027 6000 3184 asks for 3-D Secure. No real money moves.', 'guichet')) . '</p>';
            /* translators: %s: amount */
            echo '<button type="submit">' . esc_html(sprintf(__('Pay %s', 'guichet'), $amount)) . '</button>';
        }
        echo '</form><p><a href="' . esc_url($fields['returnTo']) . '">' . esc_html(__('Back to the form', 'guichet')) . '</a></p></main></body></html>';
    }

    /** The page speaks the payer's language (the order's), whatever the site's. */
    private static function speak(string $locale): void
    {
        // switch_to_locale() needs WordPress's own language pack; the plugin's catalogue is enough here.
        unload_textdomain('guichet');
        if ($locale === 'fr') {
            load_textdomain('guichet', dirname(GUICHET_PLUGIN_FILE) . '/languages/guichet-fr_FR.mo');
        }
    }
}
