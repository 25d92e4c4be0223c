<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** The default HttpClient, on PHP's curl extension (present on virtually every shared host). */
final class CurlHttpClient implements HttpClient
{
    private int $timeoutSeconds;

    public function __construct(int $timeoutSeconds = 30)
    {
        $this->timeoutSeconds = $timeoutSeconds;
    }

    public function send(string $method, string $url, array $headers, string $body): HttpResponse
    {
        $handle = curl_init($url);
        if ($handle === false) {
            throw new HttpTransportError('curl_init failed');
        }
        $lines = [];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        // An empty Expect stops curl from waiting for "100 Continue" on larger bodies.
        $lines[] = 'Expect:';
        $received = [];
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => strtoupper($method),
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => $this->timeoutSeconds,
            CURLOPT_CONNECTTIMEOUT => min(10, $this->timeoutSeconds),
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_PROTOCOLS => CURLPROTO_HTTPS | CURLPROTO_HTTP,
            CURLOPT_HEADERFUNCTION => static function ($ch, string $line) use (&$received): int {
                $colon = strpos($line, ':');
                if ($colon !== false) {
                    $received[strtolower(trim(substr($line, 0, $colon)))] = trim(substr($line, $colon + 1));
                }
                return strlen($line);
            },
        ]);
        if ($body !== '' || strtoupper($method) === 'POST') {
            curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
        }
        $answer = curl_exec($handle);
        if (!is_string($answer)) {
            $error = curl_error($handle);
            curl_close($handle);
            throw new HttpTransportError('HTTP request failed: ' . $error);
        }
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        return new HttpResponse($status, $received, $answer);
    }
}
