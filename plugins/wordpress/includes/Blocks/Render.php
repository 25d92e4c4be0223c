<?php
/**
 * What a Guichet block prints: the widget's custom element (<guichet-donation base=… form=… lang=…>) holding a
 * plain HTML form, so the form is usable before the script loads or without JavaScript at all. Field names
 * use PHP brackets (payer[email]); the widget reads them as protocol fields (payer.email) and keeps what the
 * payer already typed.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Domain\Text;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class Render
{
    /** @param array<string, mixed> $attributes */
    public static function block(string $kind, array $attributes): string
    {
        $formId = (string) ($attributes['formId'] ?? '');
        if (!preg_match('/^[A-Za-z0-9_-]{1,64}$/', $formId)) {
            return current_user_can('edit_posts')
                ? '<p class="guichet-notice">' . esc_html__('This Guichet form has no id yet: open the page in the editor and save it.', 'guichet') . '</p>'
                : '';
        }
        // The stored form is the truth (quotas, prices); a block not saved yet shows its own settings.
        $form = Site::get()->forms->findForm($formId)
            ?? BlockForms::toConfig($kind, $formId, (array) ($attributes['config'] ?? []), (string) get_the_title());
        $locale = strpos(determine_locale(), 'fr') === 0 ? 'fr' : 'en';
        $base = untrailingslashit(rest_url('guichet/v1'));

        wp_enqueue_script_module(Blocks::WIDGETS_HANDLE);
        wp_enqueue_style(Blocks::WIDGETS_HANDLE);

        $tag = 'guichet-' . $kind;
        $wrapper = function_exists('get_block_wrapper_attributes') ? get_block_wrapper_attributes() : '';
        $html = '<' . $tag . ' ' . $wrapper . ' base="' . esc_url($base) . '" form="' . esc_attr($formId) . '" lang="' . esc_attr($locale) . '">';
        $status = ReturnStatus::html($formId, $locale);
        if ($status !== '') {
            return $html . $status . '</' . $tag . '>';
        }
        $html .= ReturnStatus::error($locale);
        $html .= '<form method="post" class="guichet-fallback" action="' . esc_url($base . '/forms/' . $formId . '/submit') . '">';
        $html .= '<h2>' . esc_html(Text::resolve($form['title'], $locale)) . '</h2>';
        if (isset($form['description'])) {
            $html .= '<p>' . esc_html(Text::resolve($form['description'], $locale)) . '</p>';
        }
        $html .= FallbackFields::forKind($form, $locale);
        $html .= FallbackFields::payer();
        $html .= '<input type="hidden" name="locale" value="' . esc_attr($locale) . '">';
        $html .= '<input type="hidden" name="returnTo" value="' . esc_url((string) get_permalink()) . '">';
        $html .= '<p><button type="submit">' . esc_html(self::submitLabel($kind)) . '</button></p>';
        $html .= '</form></' . $tag . '>';
        return $html;
    }

    private static function submitLabel(string $kind): string
    {
        if ($kind === 'donation') {
            return __('Donate', 'guichet');
        }
        return $kind === 'membership' ? __('Join', 'guichet') : __('Book', 'guichet');
    }

    public static function money(int $amount, string $currency, string $locale): string
    {
        return Money::format($amount, $currency, $locale, true);
    }
}
