<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use Guichet\Adapter\Ports\CurlHttpClient;
use Guichet\Adapter\Protocol\Json;

/**
 * The repository's Stripe emulator (backend-adapter/testing/stripe-emulator) as a Node child process: started
 * on port 0 on first use, its URL read from its first line of output, stopped at the end of the PHPUnit run.
 */
final class StripeEmulator
{
    private static ?self $shared = null;

    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    public string $url;
    public string $webhookSecret;

    /** @param resource $process @param array<int, resource> $pipes */
    private function __construct($process, array $pipes, string $url, string $webhookSecret)
    {
        $this->process = $process;
        $this->pipes = $pipes;
        $this->url = $url;
        $this->webhookSecret = $webhookSecret;
    }

    /** Null (with the reason) when Node or tsx is missing, so the caller can skip with a clear message. */
    public static function shared(?string &$why = null): ?self
    {
        if (self::$shared !== null) {
            return self::$shared;
        }
        if (!Node::available()) {
            $why = 'node (with tsx in node_modules) is needed to run the Stripe emulator';
            return null;
        }
        $process = proc_open(
            array_merge(Node::command(), [__DIR__ . '/stripe-emulator.mts']),
            [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['file', sys_get_temp_dir() . '/guichet-stripe-emulator.log', 'a']],
            $pipes,
            Paths::repository()
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('The Stripe emulator did not start');
        }
        stream_set_blocking($pipes[1], true);
        $line = fgets($pipes[1]);
        $ready = is_string($line) ? json_decode($line, true) : null;
        if (!is_array($ready) || !isset($ready['url'])) {
            proc_terminate($process);
            throw new \RuntimeException('The Stripe emulator printed no URL (see ' . sys_get_temp_dir() . '/guichet-stripe-emulator.log)');
        }
        self::$shared = new self($process, $pipes, (string) $ready['url'], (string) $ready['webhookSecret']);
        return self::$shared;
    }

    public static function stopShared(): void
    {
        if (self::$shared === null) {
            return;
        }
        $emulator = self::$shared;
        self::$shared = null;
        // Closing its stdin asks it to stop; terminate in case it is stuck.
        fclose($emulator->pipes[0]);
        $deadline = microtime(true) + 3;
        while (microtime(true) < $deadline && (proc_get_status($emulator->process)['running'] ?? false)) {
            usleep(20000);
        }
        if (proc_get_status($emulator->process)['running'] ?? false) {
            proc_terminate($emulator->process);
        }
        fclose($emulator->pipes[1]);
        proc_close($emulator->process);
    }

    /**
     * Calls a test control (/_emulator/…).
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    public function control(string $method, string $path, array $params = []): array
    {
        $body = http_build_query($params);
        $url = $this->url . $path . ($method === 'GET' && $body !== '' ? '?' . $body : '');
        $response = (new CurlHttpClient(10))->send($method, $url, ['Content-Type' => 'application/x-www-form-urlencoded'], $method === 'GET' ? '' : $body);
        return Json::decodeObject($response->body);
    }

    /** @return array<int, array<string, mixed>> the Stripe events of a type, oldest first */
    public function events(string $type): array
    {
        return array_map(static function (array $logged): array {
            return $logged['event'];
        }, $this->control('GET', '/_emulator/events', ['type' => $type])['data']);
    }
}
