<?php
/**
 * Front-end rendering of the guichet/tickets block: the widget's custom element with a no-JavaScript form inside.
 *
 * @package Guichet
 * @var array<string, mixed> $attributes
 */

defined('ABSPATH') || exit;

echo Guichet\WordPress\Blocks\Render::block('tickets', $attributes); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped inside.
