<?php
/**
 * Deleting the plugin (not deactivating it) removes its tables and options. The orders are the association's
 * accounting records: the plugin's page says to export them first. The tax receipts stay (tables guichet_receipts
 * and guichet_receipt_counters, and the secret of the links donors were sent): they must be kept for six years,
 * and a reinstall continues their numbering. readme.txt says how to remove them for good.
 *
 * @package Guichet
 */

defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/includes/autoload.php';

Guichet\WordPress\Storage\Schema::drop();
delete_option('guichet_settings');
delete_option('guichet_simulation_secret');
delete_option('guichet_annual_receipts_done');
wp_clear_scheduled_hook('guichet_sweep');
wp_clear_scheduled_hook('guichet_annual_receipts');
