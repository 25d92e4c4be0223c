<?php

declare(strict_types=1);

namespace Guichet\Adapter\Http;

use Guichet\Adapter\Protocol\Json;

/** What the host sends back: a status, headers, and a JSON body (already an array). */
final class HttpAnswer
{
    public int $status;
    /** @var array<string, string> */
    public array $headers;
    /** @var array<string, mixed> */
    public array $body;

    /**
     * @param array<string, mixed> $body
     * @param array<string, string> $headers
     */
    public function __construct(int $status, array $body, array $headers = [])
    {
        $this->status = $status;
        $this->body = $body;
        $this->headers = $headers + ['Content-Type' => 'application/json; charset=utf-8', 'Cache-Control' => 'no-store'];
    }

    public function json(): string
    {
        return Json::encode($this->body);
    }
}
