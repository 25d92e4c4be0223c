<?php
/**
 * When a post is saved, every Guichet block in it writes its settings to the form stored under its formId.
 * Runs on wp_after_insert_post, so saves from the editor, the REST API and imports all count.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Blocks;

use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class FormSync
{
    public static function afterSave(int $postId, \WP_Post $post): void
    {
        if (wp_is_post_revision($postId) || wp_is_post_autosave($postId) || strpos($post->post_content, '<!-- wp:guichet/') === false) {
            return;
        }
        foreach (self::guichetBlocks(parse_blocks($post->post_content)) as $block) {
            $kind = substr((string) $block['blockName'], strlen('guichet/'));
            $formId = (string) ($block['attrs']['formId'] ?? '');
            if (!in_array($kind, Blocks::KINDS, true) || !preg_match('/^[A-Za-z0-9_-]{1,64}$/', $formId)) {
                continue;
            }
            $config = BlockForms::toConfig($kind, $formId, (array) ($block['attrs']['config'] ?? []), get_the_title($post));
            Site::get()->forms->save($config);
        }
    }

    /**
     * @param array<int, array<string, mixed>> $blocks
     * @return array<int, array<string, mixed>>
     */
    private static function guichetBlocks(array $blocks): array
    {
        $found = [];
        foreach ($blocks as $block) {
            if (strpos((string) ($block['blockName'] ?? ''), 'guichet/') === 0) {
                $found[] = $block;
            }
            if (!empty($block['innerBlocks'])) {
                $found = array_merge($found, self::guichetBlocks($block['innerBlocks']));
            }
        }
        return $found;
    }
}
