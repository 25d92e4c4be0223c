<?php
/**
 * Guichet PHP adapter autoloader: maps the `Guichet\Adapter\` namespace onto src/ (PSR-4 layout), so a host
 * needs one `require` and no Composer. Hosts that do use Composer can point a PSR-4 entry at src/ instead.
 */

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $prefix = 'Guichet\\Adapter\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
