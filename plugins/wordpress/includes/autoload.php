<?php
/**
 * Loads the plugin's classes (Guichet\WordPress\ → includes/) and the shared PHP adapter (Guichet\Adapter\).
 *
 * The adapter is embedded under vendor-guichet/ by the build (tools/stage-plugin.mjs), which is how the release
 * zip ships it. A developer may instead point GUICHET_ADAPTER_DIR (wp-config.php) at backend-adapter/php.
 *
 * @package Guichet
 */

defined('ABSPATH') || exit;

spl_autoload_register(static function (string $class): void {
    $prefix = 'Guichet\\WordPress\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});

/** Requires the adapter's autoloader; false (with an admin notice) when the plugin was installed without it. */
function guichet_load_adapter(): bool
{
    $dir = defined('GUICHET_ADAPTER_DIR') ? (string) GUICHET_ADAPTER_DIR : dirname(__DIR__) . '/vendor-guichet';
    $autoload = rtrim($dir, '/') . '/autoload.php';
    if (!is_file($autoload)) {
        add_action('admin_notices', static function (): void {
            echo '<div class="notice notice-error"><p>'
                . esc_html__('Guichet is incomplete: its payment library (vendor-guichet) is missing. Install the plugin from its release zip.', 'guichet')
                . '</p></div>';
        });
        return false;
    }
    require_once $autoload;
    return true;
}
