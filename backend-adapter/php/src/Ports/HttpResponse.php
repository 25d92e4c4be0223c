<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

final class HttpResponse
{
    public int $status;
    /** @var array<string, string> lower-cased header names */
    public array $headers;
    public string $body;

    /** @param array<string, string> $headers */
    public function __construct(int $status, array $headers, string $body)
    {
        $this->status = $status;
        $this->headers = array_change_key_case($headers, CASE_LOWER);
        $this->body = $body;
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }
}
