<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

/** Runs TypeScript from the repository through Node + tsx, for cross-checks against the reference implementation. */
final class Node
{
    public static function available(): bool
    {
        return self::binary() !== null && is_file(self::tsxLoader());
    }

    public static function binary(): ?string
    {
        foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
            if ($dir !== '' && is_executable($dir . '/node')) {
                return $dir . '/node';
            }
        }
        return null;
    }

    public static function tsxLoader(): string
    {
        return Paths::repository() . '/node_modules/tsx/dist/loader.mjs';
    }

    /** @return string[] the argv prefix that runs a .ts file */
    public static function command(): array
    {
        return [(string) self::binary(), '--import', 'tsx'];
    }

    /**
     * Runs a TypeScript snippet (ES module; `@repo/` in it stands for the repository root) with $input as JSON
     * on stdin; returns its stdout.
     * @param mixed $input
     */
    public static function evaluate(string $source, $input = null): string
    {
        $base = (string) tempnam(sys_get_temp_dir(), 'guichet-node-');
        $file = $base . '.mts';
        file_put_contents($file, str_replace('@repo/', Paths::repository() . '/', $source));
        try {
            $process = proc_open(
                array_merge(self::command(), [$file]),
                [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
                $pipes,
                Paths::repository()
            );
            if (!is_resource($process)) {
                throw new \RuntimeException('node did not start');
            }
            fwrite($pipes[0], json_encode($input));
            fclose($pipes[0]);
            $out = (string) stream_get_contents($pipes[1]);
            $err = (string) stream_get_contents($pipes[2]);
            fclose($pipes[1]);
            fclose($pipes[2]);
            $status = proc_close($process);
            if ($status !== 0) {
                throw new \RuntimeException('node failed: ' . $err);
            }
            return $out;
        } finally {
            @unlink($file);
            @unlink($base);
        }
    }
}
