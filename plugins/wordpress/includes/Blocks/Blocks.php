<?php
/**
 * Registers the three blocks from their built block.json (build/blocks/<kind>, made by wp-scripts) and the
 * widget bundle they print on public pages, and keeps the server-side forms in step with saved blocks.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

defined('ABSPATH') || exit;

final class Blocks
{
    public const KINDS = ['donation', 'membership', 'tickets'];
    public const WIDGETS_HANDLE = 'guichet-widgets';

    public static function register(): void
    {
        add_action('init', [self::class, 'registerTypes']);
        add_action('init', [self::class, 'registerWidgets']);
        add_action('wp_after_insert_post', [FormSync::class, 'afterSave'], 10, 2);
    }

    public static function registerTypes(): void
    {
        foreach (self::KINDS as $kind) {
            $dir = dirname(GUICHET_PLUGIN_FILE) . '/build/blocks/' . $kind;
            $type = is_file($dir . '/block.json') ? register_block_type($dir) : false;
            if ($type instanceof \WP_Block_Type) {
                // block.json's textdomain only makes WordPress look in wp-content/languages; the plugin ships
                // its own JSON (tools/po-to-jed.mjs, written when the plugin is staged).
                foreach ($type->editor_script_handles as $handle) {
                    wp_set_script_translations($handle, 'guichet', dirname(GUICHET_PLUGIN_FILE) . '/languages');
                }
            }
        }
    }

    /** The widgets are an ES module (chunks load on demand); the page gets one copy however many forms it has. */
    public static function registerWidgets(): void
    {
        $base = plugins_url('assets/widgets/', GUICHET_PLUGIN_FILE);
        wp_register_script_module(self::WIDGETS_HANDLE, $base . 'guichet.js', [], GUICHET_VERSION);
        wp_register_style(self::WIDGETS_HANDLE, $base . 'guichet.css', [], GUICHET_VERSION);
    }

    /** The block's default config from its block.json, as the editor starts from it. @return array<string, mixed> */
    public static function defaults(string $kind): array
    {
        $type = \WP_Block_Type_Registry::get_instance()->get_registered('guichet/' . $kind);
        $default = $type !== null ? ($type->attributes['config']['default'] ?? []) : [];
        return is_array($default) ? $default : [];
    }
}
