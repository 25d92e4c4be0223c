<?php
/**
 * The people behind paid orders: members of membership orders and ticket holders of tickets orders, one row each,
 * with the order they came with. Read from the stored orders (an association has hundreds, not millions), then
 * filtered by form and searched by name, e-mail or ticket code.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Admin;

use Guichet\Adapter\Domain\Text;
use Guichet\WordPress\Site;

defined('ABSPATH') || exit;

final class People
{
    /** Orders read per query; only paid ones count (a refunded membership or ticket no longer holds). */
    private const BATCH = 500;

    /**
     * @param string $kind 'membership' (members) or 'tickets' (attendees)
     * @return array<int, array<string, string>> newest order first
     */
    public static function rows(string $kind, string $formId = '', string $search = ''): array
    {
        $site = Site::get();
        $filter = ['kind' => $kind, 'status' => 'paid'] + ($formId !== '' ? ['formId' => $formId] : []);
        $labels = [];
        $rows = [];
        for ($offset = 0; ; $offset += self::BATCH) {
            $orders = $site->storage->listOrders($filter, self::BATCH, $offset);
            foreach ($orders as $order) {
                $form = $labels[$order['formId']] ??= self::labels($site->forms->findForm((string) $order['formId']));
                foreach ($kind === 'membership' ? $order['members'] : $order['tickets'] as $person) {
                    $rows[] = self::row($order, $person, $kind, $form);
                }
            }
            if (count($orders) < self::BATCH) {
                break;
            }
        }
        if ($search === '') {
            return $rows;
        }
        $needle = mb_strtolower($search);
        return array_values(array_filter($rows, static function (array $row) use ($needle): bool {
            return mb_strpos(mb_strtolower($row['name'] . ' ' . $row['email'] . ' ' . $row['code']), $needle) !== false;
        }));
    }

    /**
     * @param array<string, mixed> $order
     * @param array<string, mixed> $person
     * @param array<string, string> $labels tier or ticket type id → name
     * @return array<string, string>
     */
    private static function row(array $order, array $person, string $kind, array $labels): array
    {
        $payer = (array) $order['payer'];
        $name = trim(($person['firstName'] ?? '') . ' ' . ($person['lastName'] ?? ''));
        $type = (string) ($kind === 'membership' ? $person['tierId'] : $person['typeId']);
        return [
            // A ticket without an attendee name belongs to the payer.
            'name' => $name !== '' ? $name : trim(($payer['firstName'] ?? '') . ' ' . ($payer['lastName'] ?? '')),
            'email' => (string) ($person['email'] ?? $payer['email'] ?? ''),
            'type' => $labels[$type] ?? $type,
            'code' => (string) ($person['code'] ?? ''),
            'formId' => (string) $order['formId'],
            'orderId' => (string) $order['id'],
            'createdAt' => (string) $order['createdAt'],
        ];
    }

    /** @param array<string, mixed>|null $form @return array<string, string> */
    private static function labels(?array $form): array
    {
        $locale = OrdersTable::locale();
        $labels = [];
        foreach (array_merge($form['membership']['tiers'] ?? [], $form['tickets']['types'] ?? []) as $item) {
            $labels[(string) $item['id']] = Text::resolve($item['name'], $locale);
        }
        return $labels;
    }
}
