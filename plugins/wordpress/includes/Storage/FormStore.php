<?php
/**
 * Form configurations (protocol FormConfig) under stable ids, in their own table: quotas, totals and receipts
 * belong to the form, not to the page that shows it, so they survive page edits and one form can sit on
 * several pages.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Storage;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Protocol\Json;

defined('ABSPATH') || exit;

final class FormStore implements FormRepository
{
    private Database $db;
    private string $table;

    public function __construct(Database $db)
    {
        $this->db = $db;
        $this->table = Schema::table('forms');
    }

    public function findForm(string $formId): ?array
    {
        $json = $this->db->value("SELECT config FROM {$this->table} WHERE id = %s", [$formId]);
        return is_string($json) ? json_decode($json, true) : null;
    }

    /** Creates or replaces a form's configuration (its orders and seats stay attached to the id). */
    public function save(array $config): void
    {
        $now = Instant::format(new \DateTimeImmutable('now', new \DateTimeZone('UTC')));
        $this->db->transaction(function () use ($config, $now): void {
            $id = (string) $config['id'];
            $exists = $this->db->value("SELECT id FROM {$this->table} WHERE id = %s FOR UPDATE", [$id]) !== null;
            if ($exists) {
                $this->db->update($this->table, ['kind' => (string) $config['kind'], 'config' => Json::encode($config), 'updated_at' => $now], ['id' => $id]);
            } else {
                $this->db->insert($this->table, [
                    'id' => $id,
                    'kind' => (string) $config['kind'],
                    'config' => Json::encode($config),
                    'lock_version' => 0,
                    'created_at' => $now,
                    'updated_at' => $now,
                ]);
            }
        });
    }

    /** @return array<int, array{id: string, kind: string, updatedAt: string}> */
    public function all(): array
    {
        return array_map(static function (array $row): array {
            return ['id' => (string) $row['id'], 'kind' => (string) $row['kind'], 'updatedAt' => (string) $row['updated_at']];
        }, $this->db->rows("SELECT id, kind, updated_at FROM {$this->table} ORDER BY updated_at DESC"));
    }
}
