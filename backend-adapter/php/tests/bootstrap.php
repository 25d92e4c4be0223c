<?php

declare(strict_types=1);

error_reporting(E_ALL);
date_default_timezone_set('Europe/Paris');

require dirname(__DIR__) . '/autoload.php';

spl_autoload_register(static function (string $class): void {
    $prefix = 'Guichet\\Adapter\\Tests\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

// The Stripe emulator (a Node child process) is started on first use and stopped when PHPUnit exits.
register_shutdown_function(static function (): void {
    \Guichet\Adapter\Tests\Support\StripeEmulator::stopShared();
});
