<?php
/**
 * Settings form rows, each with a real <label for>, so the page reads well with a screen reader.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

defined('ABSPATH') || exit;

final class Fields
{
    private static function id(string $name): string
    {
        return 'guichet-' . trim((string) preg_replace('/[^a-z0-9]+/i', '-', $name), '-');
    }

    private static function row(string $id, string $label, string $control, string $help = '', string $error = ''): void
    {
        echo '<tr><th scope="row"><label for="' . esc_attr($id) . '">' . esc_html($label) . '</label></th><td>' . $control; // phpcs:ignore WordPress.Security.EscapeOutput -- controls are escaped by their builders.
        if ($error !== '') {
            echo '<p class="guichet-field-error" id="' . esc_attr($id) . '-error" style="color:#b32d2e"><strong>' . esc_html($error) . '</strong></p>';
        }
        if ($help !== '') {
            echo '<p class="description" id="' . esc_attr($id) . '-help">' . esc_html($help) . '</p>';
        }
        echo '</td></tr>';
    }

    /** aria attributes tying a control to its error and help texts. */
    private static function described(string $id, string $help, string $error): string
    {
        $ids = array_filter([$error !== '' ? $id . '-error' : '', $help !== '' ? $id . '-help' : '']);
        return ($error !== '' ? ' aria-invalid="true"' : '') . ($ids === [] ? '' : ' aria-describedby="' . esc_attr(implode(' ', $ids)) . '"');
    }

    public static function text(string $name, string $label, string $value, string $help = '', string $error = ''): void
    {
        $id = self::id($name);
        self::row($id, $label, '<input type="text" class="regular-text" id="' . esc_attr($id) . '" name="' . esc_attr($name) . '" value="' . esc_attr($value) . '"' . self::described($id, $help, $error) . '>', $help, $error);
    }

    public static function number(string $name, string $label, int $value): void
    {
        $id = self::id($name);
        self::row($id, $label, '<input type="number" min="0" class="small-text" id="' . esc_attr($id) . '" name="' . esc_attr($name) . '" value="' . esc_attr((string) $value) . '">');
    }

    public static function textarea(string $name, string $label, string $value, string $help = '', string $error = ''): void
    {
        $id = self::id($name);
        self::row($id, $label, '<textarea rows="3" class="large-text" id="' . esc_attr($id) . '" name="' . esc_attr($name) . '"' . self::described($id, $help, $error) . '>' . esc_textarea($value) . '</textarea>', $help, $error);
    }

    /** @param array<string, string> $options */
    public static function select(string $name, string $label, string $value, array $options, string $help = '', string $error = ''): void
    {
        $id = self::id($name);
        $html = '<select id="' . esc_attr($id) . '" name="' . esc_attr($name) . '"' . self::described($id, $help, $error) . '>';
        foreach ($options as $key => $text) {
            $html .= '<option value="' . esc_attr($key) . '"' . selected($value, $key, false) . '>' . esc_html($text) . '</option>';
        }
        self::row($id, $label, $html . '</select>', $help, $error);
    }

    /**
     * The signature picture: the current one shown, a file input (JPEG or PNG, into the media library), or the
     * id of an image already in the library, and "remove".
     */
    public static function image(string $group, string $key, string $upload, string $label, int $attachmentId, string $help, string $error = ''): void
    {
        $id = self::id($group . '[' . $key . ']');
        $control = '';
        if ($attachmentId > 0) {
            $control .= wp_get_attachment_image($attachmentId, 'medium', false, ['style' => 'max-height:80px;width:auto;display:block;margin-bottom:.5em', 'alt' => $label]);
        }
        $control .= '<input type="file" accept="image/jpeg,image/png" id="' . esc_attr($id) . '" name="' . esc_attr($upload) . '"' . self::described($id, $help, $error) . '>';
        $idField = $id . '-id';
        $control .= ' <label for="' . esc_attr($idField) . '">' . esc_html__('or media library image ID', 'guichet') . '</label> <input type="number" min="0" class="small-text" id="' . esc_attr($idField) . '" name="' . esc_attr($group . '[' . $key . ']') . '" value="' . esc_attr($attachmentId > 0 ? (string) $attachmentId : '') . '">';
        if ($attachmentId > 0) {
            $control .= ' <label><input type="checkbox" value="1" name="' . esc_attr($group . '[clear][' . $key . ']') . '"> ' . esc_html__('Remove', 'guichet') . '</label>';
        }
        self::row($id, $label, $control, $help, $error);
    }

    public static function checkbox(string $name, string $label, bool $checked, string $help): void
    {
        $id = self::id($name);
        self::row($id, $label, '<input type="checkbox" value="1" id="' . esc_attr($id) . '" name="' . esc_attr($name) . '" aria-describedby="' . esc_attr($id) . '-help"' . checked($checked, true, false) . '>', $help);
    }

    /** A secret: an empty password field (typing replaces the key), the masked stored key, and "remove". */
    public static function secret(string $group, string $key, string $label, string $stored): void
    {
        $name = $group . '[' . $key . ']';
        $id = self::id($name);
        $control = '<input type="password" class="regular-text" autocomplete="new-password" id="' . esc_attr($id) . '" name="' . esc_attr($name) . '" value="" aria-describedby="' . esc_attr($id) . '-help">';
        if ($stored !== '') {
            $control .= ' <label><input type="checkbox" value="1" name="' . esc_attr($group . '[clear][' . $key . ']') . '"> ' . esc_html__('Remove', 'guichet') . '</label>';
            /* translators: %s: the masked key, e.g. sk_test_••••4242 */
            $help = sprintf(__('Saved: %s. Leave empty to keep it.', 'guichet'), SecretMask::mask($stored));
        } else {
            $help = __('Not set.', 'guichet');
        }
        self::row($id, $label, $control, $help);
    }

    public static function readonly(string $id, string $label, string $value, string $help): void
    {
        self::row($id, $label, '<input type="text" readonly class="large-text code" id="' . esc_attr($id) . '" value="' . esc_attr($value) . '" aria-describedby="' . esc_attr($id) . '-help" onfocus="this.select()">', $help);
    }
}
