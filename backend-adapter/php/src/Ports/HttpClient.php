<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Outgoing HTTPS for providers (wp_remote_request, SPIP's recuperer_url, or CurlHttpClient). Implementations
 * throw HttpTransportError when no answer arrived (DNS, TLS, timeout); any HTTP status is an answer.
 */
interface HttpClient
{
    /** @param array<string, string> $headers */
    public function send(string $method, string $url, array $headers, string $body): HttpResponse;
}
