<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

/**
 * PHP processes started at once on one script, for the contracts' rushes (buyers of the last seats, of a
 * promo code's last uses, issuers of receipts): what a store must survive is several PHP workers, not one.
 * The contract test cases require this file themselves, since hosts (WordPress, SPIP) load them by path.
 */
final class ConcurrentPhp
{
    /** Why no process can be started here (php-wasm has no proc_open and no binary), or null. */
    public static function unavailable(): ?string
    {
        if (!function_exists('proc_open') || PHP_BINARY === '' || !is_executable(PHP_BINARY)) {
            return 'No PHP binary to start concurrent processes with (php-wasm).';
        }
        return null;
    }

    /**
     * Runs `php -r $script` once per argument list, all started before any is read; returns each one's
     * standard output, in the same order, and what they all wrote on standard error (empty when all went well).
     *
     * @param list<list<string>> $argvs
     * @return array{outputs: list<string>, errors: string}
     */
    public static function run(string $script, array $argvs): array
    {
        $processes = [];
        $pipes = [];
        foreach ($argvs as $p => $argv) {
            $processes[$p] = proc_open(array_merge([PHP_BINARY, '-r', $script], $argv), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes[$p]);
        }
        $outputs = [];
        $errors = '';
        foreach ($processes as $p => $process) {
            $outputs[] = (string) stream_get_contents($pipes[$p][1]);
            $errors .= (string) stream_get_contents($pipes[$p][2]);
            proc_close($process);
        }
        return ['outputs' => $outputs, 'errors' => $errors];
    }
}
