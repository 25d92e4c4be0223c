<?php

declare(strict_types=1);

namespace Guichet\Adapter\Storage;

/**
 * The back-office list filter of Storage::listOrders as SQL (OrderFilter is the same filter on one order in
 * memory), for any storage keeping the indexed columns form_id, status, kind, provider, created_at (the
 * adapter's instant text, compared as text) and search (OrderFilter::searchText). The SQL dialect stays the
 * caller's: its placeholder and how it escapes LIKE wildcards.
 */
final class OrderFilterClauses
{
    private const COLUMNS = ['formId' => 'form_id', 'status' => 'status', 'kind' => 'kind', 'provider' => 'provider'];

    /**
     * @param array<string, string> $filter formId, status, kind, provider, from (included), to (excluded), search
     * @param string $placeholder '?' for PDO, '%s' for $wpdb->prepare()
     * @param callable $escapeLike fn(string): string — the searched text with its LIKE wildcards escaped
     * @param string $likeEscape appended to the LIKE clause, e.g. " ESCAPE '\'" where the dialect needs it
     * @return array{0: string, 1: array<int, string>} ' WHERE …' (or '') and its parameters, in order
     */
    public static function where(array $filter, string $placeholder, callable $escapeLike, string $likeEscape = ''): array
    {
        $clauses = [];
        $params = [];
        $given = static function (string $key) use ($filter): bool {
            return isset($filter[$key]) && $filter[$key] !== '';
        };
        foreach (self::COLUMNS as $key => $column) {
            if ($given($key)) {
                $clauses[] = $column . ' = ' . $placeholder;
                $params[] = (string) $filter[$key];
            }
        }
        if ($given('from')) {
            $clauses[] = 'created_at >= ' . $placeholder;
            $params[] = (string) $filter['from'];
        }
        if ($given('to')) {
            $clauses[] = 'created_at < ' . $placeholder;
            $params[] = (string) $filter['to'];
        }
        if ($given('search')) {
            $clauses[] = 'search LIKE ' . $placeholder . $likeEscape;
            $params[] = '%' . $escapeLike(strtolower((string) $filter['search'])) . '%';
        }
        return [$clauses === [] ? '' : ' WHERE ' . implode(' AND ', $clauses), $params];
    }
}
