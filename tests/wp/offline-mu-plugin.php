<?php
/**
 * Test sites are offline: WordPress's update checks against wordpress.org would only log warnings on every
 * wp-admin page. Installed as a must-use plugin by the harness, never shipped.
 */
add_action('init', static function (): void {
    remove_action('admin_init', '_maybe_update_core');
    remove_action('admin_init', '_maybe_update_plugins');
    remove_action('admin_init', '_maybe_update_themes');
    remove_action('wp_version_check', 'wp_version_check');
    remove_action('wp_update_plugins', 'wp_update_plugins');
    remove_action('wp_update_themes', 'wp_update_themes');
}, 1);
add_filter('pre_site_transient_update_core', '__return_null');
add_filter('pre_site_transient_update_plugins', '__return_null');
add_filter('pre_site_transient_update_themes', '__return_null');

// No mail server either: keep each message in an option the tests read (also silences sendmail errors).
add_filter('pre_wp_mail', static function ($short, array $atts) {
    $mails = get_option('guichet_tests_mails', []);
    $mails[] = ['to' => $atts['to'], 'subject' => $atts['subject'], 'message' => $atts['message']];
    update_option('guichet_tests_mails', $mails, false);
    return true;
}, 10, 2);
