<?php
/**
 * Protocol v1 under /wp-json/guichet/v1: each public route hands method, path, headers, query and the RAW body
 * to the adapter's framework-neutral ProtocolHandler and copies its answer back. Webhooks are verified by the
 * adapter on that raw body, before anything parses it.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Rest;

use Guichet\Adapter\Http\HttpAnswer;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class ProtocolRoutes
{
    public const NAMESPACE = 'guichet/v1';

    public static function register(): void
    {
        $id = '(?P<id>[A-Za-z0-9_-]{1,64})';
        $public = static function (): bool {
            return true;
        };
        $routes = [
            '/forms/' . $id, // GET
            '/forms/' . $id . '/orders', // POST
            '/orders/' . $id, // GET
            '/simulation/' . $id . '/(?P<step>confirm|challenge)', // POST
            '/webhooks/(?P<provider>[a-z0-9_-]{1,32})', // POST
        ];
        foreach ($routes as $route) {
            // Every method reaches the adapter, which answers 405 method_not_allowed in the protocol's shape
            // where WordPress would answer its own 404 rest_no_route.
            register_rest_route(self::NAMESPACE, $route, [
                'methods' => \WP_REST_Server::ALLMETHODS,
                'callback' => [self::class, 'handle'],
                'permission_callback' => $public,
            ]);
        }
        add_filter('rest_request_before_callbacks', [self::class, 'keepRawBody'], 10, 3);
    }

    /**
     * WordPress refuses a JSON body it cannot parse before any route callback runs, with its own error shape in
     * the site's language. The protocol's routes read the raw body themselves, so that refusal is undone for
     * them: the adapter then answers bad_request in the payer's language.
     *
     * @param mixed $response
     * @param array<string, mixed> $handler
     * @return mixed
     */
    public static function keepRawBody($response, $handler, \WP_REST_Request $request)
    {
        $ours = ($handler['callback'] ?? null) === [self::class, 'handle'];
        if ($ours && is_wp_error($response) && $response->get_error_code() === 'rest_invalid_json') {
            return null;
        }
        return $response;
    }

    public static function handle(\WP_REST_Request $request): \WP_REST_Response
    {
        $site = Site::get();
        $path = substr((string) $request->get_route(), strlen('/' . self::NAMESPACE));
        $headers = [];
        foreach ($request->get_headers() as $name => $values) {
            // WordPress lower-cases names and turns dashes into underscores; the adapter reads real names.
            $headers[str_replace('_', '-', (string) $name)] = implode(',', (array) $values);
        }
        $query = array_map('strval', array_filter((array) $request->get_query_params(), 'is_scalar'));
        if ($request->get_method() === 'POST' && preg_match('#^/forms/[^/]+/orders$#', $path)) {
            $limit = (int) $site->settings->get('rateLimit');
            if (!RateLimit::allow(self::clientIp(), $limit)) {
                return self::response(self::refusal('rate_limited', $query, $site));
            }
        }
        $answer = $site->protocol()->handle($request->get_method(), $path, $headers, $query, (string) $request->get_body());
        return self::response($answer);
    }

    /** @param array<string, string> $query */
    private static function refusal(string $code, array $query, Site $site): HttpAnswer
    {
        $error = new ProtocolError($code);
        $locale = in_array($query['locale'] ?? '', ['fr', 'en'], true) ? $query['locale'] : $site->settings->defaultLocale();
        return new HttpAnswer($error->status(), $error->toResponse($site->orders()->catalogue, $locale), ['Retry-After' => '60']);
    }

    private static function response(HttpAnswer $answer): \WP_REST_Response
    {
        $response = new \WP_REST_Response($answer->body, $answer->status);
        foreach ($answer->headers as $name => $value) {
            $response->header($name, $value);
        }
        return $response;
    }

    /** REMOTE_ADDR only: forwarded headers are the client's to forge unless the site's proxy rewrites it. */
    private static function clientIp(): string
    {
        return isset($_SERVER['REMOTE_ADDR']) ? sanitize_text_field(wp_unslash((string) $_SERVER['REMOTE_ADDR'])) : '';
    }
}
