<?php
/**
 * The adapter's HttpClient port on the WordPress HTTP API, so the site's proxy and TLS settings apply to calls
 * to the payment provider.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Ports;

use Guichet\Adapter\Ports\HttpClient;
use Guichet\Adapter\Ports\HttpResponse;
use Guichet\Adapter\Ports\HttpTransportError;

defined('ABSPATH') || exit;

final class WpHttpClient implements HttpClient
{
    private int $timeout;

    public function __construct(int $timeout = 20)
    {
        $this->timeout = $timeout;
    }

    public function send(string $method, string $url, array $headers, string $body): HttpResponse
    {
        $response = wp_remote_request($url, [
            'method' => $method,
            'headers' => $headers,
            'body' => $body === '' ? null : $body,
            'timeout' => $this->timeout,
            'redirection' => 0,
        ]);
        if (is_wp_error($response)) {
            throw new HttpTransportError($response->get_error_message());
        }
        $out = [];
        foreach (wp_remote_retrieve_headers($response) as $name => $value) {
            $out[(string) $name] = is_array($value) ? implode(', ', $value) : (string) $value;
        }
        return new HttpResponse((int) wp_remote_retrieve_response_code($response), $out, (string) wp_remote_retrieve_body($response));
    }
}
