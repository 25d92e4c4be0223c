<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use Guichet\Adapter\Http\HttpAnswer;
use Guichet\Adapter\Http\ProtocolHandler;
use Guichet\Adapter\Orders\OrdersContext;
use Guichet\Adapter\Ports\ArraySettings;
use Guichet\Adapter\Ports\CurlHttpClient;
use Guichet\Adapter\Ports\FrozenClock;
use Guichet\Adapter\Ports\Logger;
use Guichet\Adapter\Providers\ProviderRegistry;
use Guichet\Adapter\Storage\SqliteStorage;

/**
 * One association's site for end-to-end tests: SQLite storage in a temporary file, a frozen clock, the
 * simulation and offline providers, the protocol handler, and the forms of docs/examples/protocol.
 */
final class TestSite implements Logger
{
    public const SIMULATION_SECRET = 'sim_test_secret_0123456789';
    public const BASE = 'https://asso.example/wp-json/guichet/v1';

    public SqliteStorage $storage;
    public FrozenClock $clock;
    public OrdersContext $ctx;
    public ProtocolHandler $handler;
    /** @var array<int, array{0: string, 1: string, 2: array<string, mixed>}> */
    public array $logs = [];
    private string $file;

    /** @param array<string, mixed> $providers extra or replaced provider settings */
    public function __construct(array $providers = [], string $now = '2026-11-20T10:00:00Z')
    {
        $this->file = (string) tempnam(sys_get_temp_dir(), 'guichet-test-') . '.sqlite';
        $this->storage = SqliteStorage::open($this->file);
        $this->clock = new FrozenClock($now);
        $settings = new ArraySettings([
            'organizationName' => 'Les Amis du Jardin partagé',
            'apiBaseUrl' => self::BASE,
            'defaultLocale' => 'fr',
            'providers' => $providers + [
                'simulation' => ['enabled' => true, 'secret' => self::SIMULATION_SECRET],
                'offline' => [
                    'cheque' => ['payee' => 'Les Amis du Jardin partagé', 'address' => '3 place Jean-Jaurès, 93100 Montreuil'],
                    'transfer' => ['iban' => 'FR7630006000011234567890189', 'bic' => 'AGRIFRPP', 'holder' => 'Les Amis du Jardin partagé'],
                ],
            ],
        ]);
        $this->ctx = new OrdersContext(
            $this->storage,
            $this->storage,
            $settings,
            $this->clock,
            $this,
            ProviderRegistry::fromSettings($settings, new CurlHttpClient(10), $this->clock)
        );
        $this->handler = new ProtocolHandler($this->ctx);
    }

    public function __destruct()
    {
        foreach (['', '-wal', '-shm'] as $suffix) {
            @unlink($this->file . $suffix);
        }
    }

    public function log(string $level, string $message, array $context = []): void
    {
        $this->logs[] = [$level, $message, $context];
    }

    /** @return array<string, mixed> */
    public static function example(string $name): array
    {
        return json_decode((string) file_get_contents(Paths::repository() . '/docs/examples/protocol/' . $name . '.json'), true);
    }

    /**
     * Installs an example form, with changes.
     * @param array<string, mixed> $changes merged at the top level
     * @return array<string, mixed>
     */
    public function install(string $example, array $changes = []): array
    {
        $form = array_replace(self::example($example), $changes);
        $this->storage->saveForm($form);
        return $form;
    }

    /**
     * @param array<string, mixed>|string|null $body
     * @param array<string, string> $headers
     */
    public function call(string $method, string $path, $body = null, array $headers = []): HttpAnswer
    {
        $query = [];
        $parts = explode('?', $path, 2);
        if (isset($parts[1])) {
            parse_str($parts[1], $query);
        }
        $raw = is_array($body) ? (string) json_encode($body) : (string) $body;
        if ($body !== null && !isset($headers['Content-Type'])) {
            $headers['Content-Type'] = 'application/json';
        }
        return $this->handler->handle($method, $parts[0], $headers, $query, $raw);
    }
}
