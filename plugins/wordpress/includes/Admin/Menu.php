<?php
/**
 * The Guichet admin menu: orders first (what a treasurer opens most), then settings. Everything needs the
 * guichet_manage capability, which administrators receive on activation.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\WordPress\Dashboard\DashboardPage;

defined('ABSPATH') || exit;

final class Menu
{
    public const CAPABILITY = 'guichet_manage';
    public const SLUG = 'guichet';

    public static function register(): void
    {
        add_action('admin_menu', [self::class, 'addPages']);
    }

    public static function addPages(): void
    {
        add_menu_page(__('Guichet', 'guichet'), __('Guichet', 'guichet'), self::CAPABILITY, self::SLUG, [OrdersPage::class, 'render'], 'dashicons-tickets-alt', 58);
        add_submenu_page(self::SLUG, __('Orders', 'guichet'), __('Orders', 'guichet'), self::CAPABILITY, self::SLUG, [OrdersPage::class, 'render']);
        add_submenu_page(self::SLUG, __('Members', 'guichet'), __('Members', 'guichet'), self::CAPABILITY, PeoplePage::MEMBERS, [PeoplePage::class, 'members']);
        add_submenu_page(self::SLUG, __('Attendees', 'guichet'), __('Attendees', 'guichet'), self::CAPABILITY, PeoplePage::ATTENDEES, [PeoplePage::class, 'attendees']);
        add_submenu_page(self::SLUG, __('Tax receipts', 'guichet'), __('Tax receipts', 'guichet'), self::CAPABILITY, ReceiptsPage::SLUG, [ReceiptsPage::class, 'render']);
        add_submenu_page(self::SLUG, __('Guichet dashboard', 'guichet'), __('Dashboard', 'guichet'), self::CAPABILITY, DashboardPage::SLUG, [DashboardPage::class, 'render']);
        add_submenu_page(self::SLUG, __('Guichet settings', 'guichet'), __('Settings', 'guichet'), self::CAPABILITY, SettingsPage::SLUG, [SettingsPage::class, 'render']);
    }

    /** Administrators may manage Guichet even if activation ran before the capability existed. */
    public static function canManage(): bool
    {
        return current_user_can(self::CAPABILITY) || current_user_can('manage_options');
    }
}
