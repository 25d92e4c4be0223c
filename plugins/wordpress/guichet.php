<?php
/**
 * Plugin Name:       Guichet
 * Plugin URI:        https://github.com/guichet/guichet
 * Description:       Donations, memberships and ticket sales on your own site, paid straight into your association's own Stripe account. No platform fee, no tip.
 * Version:           0.1.0
 * Requires at least: 6.6
 * Requires PHP:      7.4
 * Author:            Guichet contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       guichet
 * Domain Path:       /languages
 *
 * @package Guichet
 */

defined('ABSPATH') || exit;

define('GUICHET_VERSION', '0.1.0');
define('GUICHET_PLUGIN_FILE', __FILE__);

require_once __DIR__ . '/includes/autoload.php';

if (guichet_load_adapter()) {
    Guichet\WordPress\Plugin::boot(__FILE__);
}
