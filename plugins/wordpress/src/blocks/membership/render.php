<?php
/**
 * Front-end rendering of the guichet/membership block: the widget's custom element with a no-JavaScript form inside.
 *
 * @package Guichet
 * @var array<string, mixed> $attributes
 */

defined('ABSPATH') || exit;

echo Guichet\WordPress\Blocks\Render::block('membership', $attributes); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.
