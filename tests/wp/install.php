<?php
/**
 * Installs WordPress without WP-CLI (not packaged for Debian, not on npm) and activates plugins.
 * Usage: php install.php <siteDir> <url> [plugin/file.php ...]   Prints one JSON line with the credentials.
 */
[, $dir, $url] = $argv;
$u = parse_url($url);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
// No sendmail here: the install's "new site" e-mail would print "sh: 1: /usr/sbin/sendmail: not found".
function wp_mail()
{
    return true;
}
require "$dir/wp-load.php";
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$r = wp_install('Guichet test site', 'admin', 'admin@example.com', true, '', 'password', 'fr_FR');
update_option('permalink_structure', '/%postname%/');
foreach (array_slice($argv, 3) as $plugin) {
    $error = activate_plugin($plugin);
    if (is_wp_error($error)) {
        fwrite(STDERR, $error->get_error_message() . "\n");
        exit(1);
    }
}
[$app] = WP_Application_Passwords::create_new_application_password($r['user_id'], ['name' => 'tests']);
echo json_encode([
    'wp' => get_bloginfo('version'),
    'user' => 'admin',
    'password' => 'password',
    'appPassword' => $app,
]), "\n";
