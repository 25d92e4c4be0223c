<?php
/**
 * POST /wp-json/guichet/v1/forms/{id}/submit: the no-JavaScript form. It turns the posted fields into an
 * OrderRequest, runs it through the same protocol handler as the widget, and answers with a redirect: to the
 * provider's hosted payment page, or back to the page with the outcome (errors, offline instructions).
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Rest;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Protocol\Json;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class FallbackSubmit
{
    public static function register(): void
    {
        add_action('rest_api_init', static function (): void {
            register_rest_route(ProtocolRoutes::NAMESPACE, '/forms/(?P<id>[A-Za-z0-9_-]{1,64})/submit', [
                'methods' => 'POST',
                'callback' => [self::class, 'handle'],
                'permission_callback' => '__return_true',
            ]);
        });
    }

    public static function handle(\WP_REST_Request $request): \WP_REST_Response
    {
        $site = Site::get();
        $formId = (string) $request['id'];
        $posted = $request->get_body_params();
        $back = wp_validate_redirect((string) ($posted['returnTo'] ?? ''), home_url('/'));
        $form = $site->forms->findForm($formId);
        if ($form === null) {
            return self::redirect(add_query_arg(['guichet' => 'error', 'code' => 'form_not_found'], $back));
        }
        if (!RateLimit::allow((string) ($_SERVER['REMOTE_ADDR'] ?? ''), (int) $site->settings->get('rateLimit'))) {
            return self::redirect(add_query_arg(['guichet' => 'error', 'code' => 'rate_limited'], $back));
        }
        $order = self::orderRequest($form, $posted, $site->orders()->providers);
        // Protocol v1's no-JS flow: providers that can answer with a hosted page do, then come back here.
        $order['flow'] = 'redirect';
        $order['returnUrl'] = $back;
        $answer = $site->protocol()->handle('POST', '/forms/' . $formId . '/orders', ['Content-Type' => 'application/json'], [], Json::encode($order));
        $next = $answer->body['next'] ?? null;
        if ($answer->status === 201 && ($next['type'] ?? '') === 'redirect') {
            return self::redirect((string) $next['url']);
        }
        if ($answer->status === 201 && ($next['type'] ?? '') === 'confirm' && ($next['provider'] ?? '') === 'simulation') {
            // No widget to take the test card: a plain page of the site does.
            return self::redirect(SimulationPage::url((string) $answer->body['order']['id'], (string) $answer->body['token'], (string) $next['clientSecret'], $back, $order['locale']));
        }
        if ($answer->status === 201) {
            // Offline instructions, or nothing left to pay: the page shows the order's status.
            return self::redirect(add_query_arg(['guichet_order' => rawurlencode((string) $answer->body['order']['id']), 'guichet_token' => rawurlencode((string) $answer->body['token'])], $back));
        }
        return self::redirect(add_query_arg(['guichet' => 'error', 'code' => (string) ($answer->body['error']['code'] ?? 'internal_error')], $back));
    }

    /**
     * @param array<string, mixed> $form FormConfig
     * @param array<string, mixed> $posted
     * @param array<string, mixed> $providers the site's providers by id
     * @return array<string, mixed> OrderRequest
     */
    public static function orderRequest(array $form, array $posted, array $providers): array
    {
        $posted = wp_unslash($posted);
        $locale = ($posted['locale'] ?? '') === 'en' ? 'en' : 'fr';
        $payer = (array) ($posted['payer'] ?? []);
        // Without JavaScript only a hosted payment page can take a card: Stripe when configured.
        $provider = isset($providers['stripe']) ? 'stripe' : (string) (array_keys($providers)[0] ?? 'stripe');
        $request = [
            'kind' => $form['kind'],
            'locale' => $locale,
            'payment' => ['provider' => $provider],
            'payer' => [
                'email' => sanitize_text_field((string) ($payer['email'] ?? '')),
                'firstName' => sanitize_text_field((string) ($payer['firstName'] ?? '')),
                'lastName' => sanitize_text_field((string) ($payer['lastName'] ?? '')),
            ],
        ];
        if ($form['kind'] === 'donation') {
            $d = (array) ($posted['donation'] ?? []);
            $custom = trim((string) ($d['customAmount'] ?? ''));
            $amount = $custom !== '' ? Money::parse($custom, (string) $form['currency'], $locale) : (int) ($d['amount'] ?? 0);
            $request['donation'] = ['amount' => $amount ?? 0, 'frequency' => sanitize_key((string) ($d['frequency'] ?? 'once'))];
        } elseif ($form['kind'] === 'membership') {
            $m = (array) ($posted['membership'] ?? []);
            $member = (array) ($m['members'][0] ?? []);
            $request['membership'] = [
                'tierId' => sanitize_text_field((string) ($m['tierId'] ?? '')),
                'members' => [[
                    'firstName' => sanitize_text_field((string) ($member['firstName'] ?? '')),
                    'lastName' => sanitize_text_field((string) ($member['lastName'] ?? '')),
                ]],
            ];
        } else {
            $items = [];
            foreach ((array) ($posted['tickets']['items'] ?? []) as $item) {
                $quantity = (int) ($item['quantity'] ?? 0);
                if ($quantity > 0) {
                    $items[] = ['typeId' => sanitize_text_field((string) ($item['typeId'] ?? '')), 'quantity' => $quantity];
                }
            }
            $request['tickets'] = ['items' => $items];
        }
        return $request;
    }

    private static function redirect(string $url): \WP_REST_Response
    {
        $response = new \WP_REST_Response(null, 303);
        $response->header('Location', $url);
        return $response;
    }
}
