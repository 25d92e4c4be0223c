<?php
/**
 * Deleting the plugin (not deactivating it) removes its tables and options. The orders are the association's
 * accounting records: the plugin's page says to export them first.
 *
 * @package Guichet
 */

defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/includes/autoload.php';

Guichet\WordPress\Storage\Schema::drop();
delete_option('guichet_settings');
delete_option('guichet_simulation_secret');
delete_option('guichet_receipt_link_secret');
delete_option('guichet_annual_receipts_done');
wp_clear_scheduled_hook('guichet_sweep');
wp_clear_scheduled_hook('guichet_annual_receipts');
