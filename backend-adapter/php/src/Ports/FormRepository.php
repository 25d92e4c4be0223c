<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * Where the host keeps form configurations (FormConfig objects, as associative arrays) under stable ids, so
 * quotas, totals and receipts survive page edits and one form can appear on several pages.
 */
interface FormRepository
{
    /** @return array<string, mixed>|null */
    public function findForm(string $formId): ?array;
}
