<?php
/**
 * Guichet → Members and Guichet → Attendees: the people lists, each a PeopleTable in a search form.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

defined('ABSPATH') || exit;

final class PeoplePage
{
    public const MEMBERS = 'guichet-members';
    public const ATTENDEES = 'guichet-attendees';

    public static function members(): void
    {
        self::render('membership', self::MEMBERS, __('Members', 'guichet'), __('Search members', 'guichet'));
    }

    public static function attendees(): void
    {
        self::render('tickets', self::ATTENDEES, __('Attendees', 'guichet'), __('Search attendees', 'guichet'));
    }

    /** @param 'membership'|'tickets' $kind */
    private static function render(string $kind, string $slug, string $title, string $searchLabel): void
    {
        if (!Menu::canManage()) {
            wp_die(esc_html__('You are not allowed to manage Guichet.', 'guichet'), 403);
        }
        $table = new PeopleTable($kind);
        $table->prepare_items();
        echo '<div class="wrap"><h1>' . esc_html($title) . '</h1>';
        echo '<form method="get"><input type="hidden" name="page" value="' . esc_attr($slug) . '">';
        $table->search_box($searchLabel, $slug . '-search');
        $table->display();
        echo '</form></div>';
    }
}
