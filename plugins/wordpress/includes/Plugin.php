<?php
/**
 * Hooks the plugin into WordPress. Each concern lives in its own class; this file only says when each runs.
 *
 * @package Guichet
 */

namespace Guichet\WordPress;

use Guichet\WordPress\Rest\ProtocolRoutes;
use Guichet\WordPress\Storage\Schema;

defined('ABSPATH') || exit;

final class Plugin
{
    public static function boot(string $file): void
    {
        register_activation_hook($file, [self::class, 'activate']);
        add_action('plugins_loaded', [Schema::class, 'upgrade']);
        add_action('init', [self::class, 'loadTextDomain']);
        add_action('rest_api_init', [ProtocolRoutes::class, 'register']);
        foreach (self::modules() as $module) {
            $module::register();
        }
    }

    /** Optional parts, registered when present (a build may leave the blocks out). @return string[] */
    private static function modules(): array
    {
        $modules = [
            'Guichet\\WordPress\\Blocks\\Blocks',
            'Guichet\\WordPress\\Sweep',
            'Guichet\\WordPress\\AnnualReceipts',
            'Guichet\\WordPress\\Rest\\ReceiptRoute',
            'Guichet\\WordPress\\Emails',
            'Guichet\\WordPress\\Rest\\FallbackSubmit',
            'Guichet\\WordPress\\Rest\\SimulationPage',
            'Guichet\\WordPress\\Admin\\SettingsPage',
            'Guichet\\WordPress\\Admin\\OrdersPage',
            'Guichet\\WordPress\\Admin\\ReceiptsPage',
            'Guichet\\WordPress\\Admin\\ConnectionTest',
        ];
        return array_filter($modules, 'class_exists');
    }

    public static function activate(): void
    {
        Schema::install();
        Ports\OptionsSettings::simulationSecret();
        Ports\ReceiptOptions::linkSecret();
        foreach (get_role('administrator') ? [get_role('administrator')] : [] as $role) {
            $role->add_cap('guichet_manage');
        }
    }

    public static function loadTextDomain(): void
    {
        load_plugin_textdomain('guichet', false, dirname(plugin_basename(GUICHET_PLUGIN_FILE)) . '/languages');
    }
}
