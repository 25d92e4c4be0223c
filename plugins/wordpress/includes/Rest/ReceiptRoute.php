<?php
/**
 * GET /wp-json/guichet/v1/receipts/{id}?token=… : a receipt's PDF for whoever holds its signed link (the payer's
 * e-mail, the order's status). The adapter checks the token in constant time; any doubt answers 404, so the
 * route says nothing about which ids exist. The PDF is served as an attachment and never cached.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Rest;

use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class ReceiptRoute
{
    public const ROUTE = '/receipts/(?P<id>rcp_[a-f0-9]{24})';

    public static function register(): void
    {
        add_action('rest_api_init', [self::class, 'registerRoute']);
        add_filter('rest_pre_serve_request', [self::class, 'servePdf'], 10, 4);
    }

    public static function registerRoute(): void
    {
        register_rest_route(ProtocolRoutes::NAMESPACE, self::ROUTE, [
            'methods' => 'GET',
            'callback' => [self::class, 'handle'],
            'permission_callback' => '__return_true',
            'args' => ['token' => ['type' => 'string', 'required' => false]],
        ]);
    }

    public static function url(string $receiptId, string $token): string
    {
        return add_query_arg('token', rawurlencode($token), rest_url(ProtocolRoutes::NAMESPACE . '/receipts/' . rawurlencode($receiptId)));
    }

    public static function handle(\WP_REST_Request $request): \WP_REST_Response
    {
        $site = Site::get();
        $pdf = null;
        try {
            $pdf = $site->receipts()->pdfForLink((string) $request['id'], (string) $request->get_param('token'));
        } catch (\Throwable $e) {
            $site->orders()->log->log('error', 'receipt PDF failed', ['receiptId' => (string) $request['id'], 'reason' => $e->getMessage()]);
        }
        if ($pdf === null) {
            $error = new ProtocolError('invalid_token');
            $response = new \WP_REST_Response($error->toResponse($site->orders()->catalogue, $site->settings->defaultLocale()), 404);
            $response->header('Cache-Control', 'no-store');
            return $response;
        }
        $response = new \WP_REST_Response(['pdf' => true], 200);
        $response->header('Content-Type', 'application/pdf');
        $response->header('Content-Disposition', 'attachment; filename="' . preg_replace('/[^A-Za-z0-9._-]/', '_', (string) $pdf['fileName']) . '"');
        $response->header('Content-Length', (string) strlen((string) $pdf['bytes']));
        $response->header('Cache-Control', 'no-store, private');
        $response->header('X-Content-Type-Options', 'nosniff');
        $response->header('X-Robots-Tag', 'noindex');
        $response->set_data((string) $pdf['bytes']);
        return $response;
    }

    /**
     * WordPress would JSON-encode the bytes: for a PDF answer of this route, write them as they are instead.
     * @param bool $served
     * @param mixed $result
     */
    public static function servePdf($served, $result, \WP_REST_Request $request, \WP_REST_Server $server): bool
    {
        if ($served || !$result instanceof \WP_HTTP_Response || $result->get_status() !== 200) {
            return (bool) $served;
        }
        $headers = $result->get_headers();
        if (($headers['Content-Type'] ?? '') !== 'application/pdf' || strpos((string) $request->get_route(), '/' . ProtocolRoutes::NAMESPACE . '/receipts/') !== 0) {
            return (bool) $served;
        }
        echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput -- PDF bytes, served as application/pdf.
        return true;
    }
}
