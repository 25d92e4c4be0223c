<?php
/**
 * The fields of the no-JavaScript form, per kind of form, labelled and grouped for screen readers.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

use Guichet\Adapter\Domain\Text;

defined('ABSPATH') || exit;

final class FallbackFields
{
    /** @param array<string, mixed> $form FormConfig */
    public static function forKind(array $form, string $locale): string
    {
        if ($form['kind'] === 'donation') {
            return self::donation($form, $locale);
        }
        return $form['kind'] === 'membership' ? self::membership($form, $locale) : self::tickets($form, $locale);
    }

    /** @param array<string, mixed> $form */
    private static function donation(array $form, string $locale): string
    {
        $d = $form['donation'];
        $html = '<fieldset><legend>' . esc_html__('Amount', 'guichet') . '</legend>';
        foreach ($d['presets'] as $i => $amount) {
            $checked = ($d['defaultAmount'] ?? $d['presets'][0]) === $amount ? ' checked' : '';
            $html .= '<label><input type="radio" name="donation[amount]" value="' . (int) $amount . '"' . $checked . '> '
                . esc_html(Render::money((int) $amount, $form['currency'], $locale)) . '</label> ';
        }
        if (!empty($d['allowCustomAmount'])) {
            $html .= '<label>' . esc_html__('Other amount', 'guichet') . ' <input type="text" inputmode="decimal" name="donation[customAmount]" autocomplete="off"></label>';
        }
        $html .= '</fieldset>';
        if (count($d['frequencies']) > 1) {
            $labels = ['once' => __('One-off', 'guichet'), 'monthly' => __('Monthly', 'guichet'), 'yearly' => __('Yearly', 'guichet')];
            $html .= '<fieldset><legend>' . esc_html__('Frequency', 'guichet') . '</legend>';
            foreach ($d['frequencies'] as $frequency) {
                $checked = ($d['defaultFrequency'] ?? 'once') === $frequency ? ' checked' : '';
                $html .= '<label><input type="radio" name="donation[frequency]" value="' . esc_attr($frequency) . '"' . $checked . '> ' . esc_html($labels[$frequency] ?? $frequency) . '</label> ';
            }
            $html .= '</fieldset>';
        }
        return $html;
    }

    /** @param array<string, mixed> $form */
    private static function membership(array $form, string $locale): string
    {
        $html = '<fieldset><legend>' . esc_html__('Membership', 'guichet') . '</legend>';
        foreach ($form['membership']['tiers'] as $i => $tier) {
            $price = $tier['price']['type'] === 'fixed' ? $tier['price']['amount'] : $tier['price']['minimum'];
            $html .= '<label><input type="radio" name="membership[tierId]" value="' . esc_attr($tier['id']) . '"' . ($i === 0 ? ' checked' : '') . '> '
                . esc_html(Text::resolve($tier['name'], $locale)) . ' – ' . esc_html(Render::money((int) $price, $form['currency'], $locale)) . '</label> ';
        }
        $html .= '</fieldset><fieldset><legend>' . esc_html__('Member', 'guichet') . '</legend>'
            . self::input('membership[members][0][firstName]', __('First name', 'guichet'), 'given-name')
            . self::input('membership[members][0][lastName]', __('Last name', 'guichet'), 'family-name')
            . '</fieldset>';
        return $html;
    }

    /** @param array<string, mixed> $form */
    private static function tickets(array $form, string $locale): string
    {
        $t = $form['tickets'];
        $html = '<fieldset><legend>' . esc_html__('Tickets', 'guichet') . '</legend>';
        foreach ($t['types'] as $i => $type) {
            $id = 'guichet-' . esc_attr($form['id']) . '-q-' . (int) $i;
            $html .= '<p><input type="hidden" name="tickets[items][' . (int) $i . '][typeId]" value="' . esc_attr($type['id']) . '">'
                . '<label for="' . $id . '">' . esc_html(Text::resolve($type['name'], $locale)) . ' – '
                . esc_html(Render::money((int) $type['price'], $form['currency'], $locale)) . '</label> '
                . '<input id="' . $id . '" type="number" min="0" max="' . (int) ($t['maxPerOrder'] ?? 10) . '" value="0" name="tickets[items][' . (int) $i . '][quantity]"></p>';
        }
        return $html . '</fieldset>';
    }

    public static function payer(): string
    {
        return '<fieldset><legend>' . esc_html__('Your details', 'guichet') . '</legend>'
            . self::input('payer[firstName]', __('First name', 'guichet'), 'given-name')
            . self::input('payer[lastName]', __('Last name', 'guichet'), 'family-name')
            . self::input('payer[email]', __('Email', 'guichet'), 'email', 'email')
            . '</fieldset>';
    }

    private static function input(string $name, string $label, string $autocomplete, string $type = 'text'): string
    {
        $id = 'guichet-' . wp_unique_id();
        return '<p><label for="' . esc_attr($id) . '">' . esc_html($label) . '</label> <input id="' . esc_attr($id) . '" type="' . esc_attr($type)
            . '" name="' . esc_attr($name) . '" autocomplete="' . esc_attr($autocomplete) . '" required></p>';
    }
}
