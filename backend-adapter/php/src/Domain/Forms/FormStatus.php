<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Forms;

use Guichet\Adapter\Domain\Instant;

/** Whether a form takes orders at a given instant, before looking at seats (forms/form-status.ts). */
final class FormStatus
{
    /**
     * 'open' | 'closed' | 'not_yet_open': closed by the editor, or outside the sales window (opening instant
     * inclusive, closing instant exclusive).
     * @param array<string, mixed> $form
     */
    public static function schedule(array $form, \DateTimeImmutable $now): string
    {
        if (($form['closed'] ?? null) === true) {
            return 'closed';
        }
        if ($form['kind'] !== 'tickets' || !isset($form['tickets']['salesWindow'])) {
            return 'open';
        }
        $window = $form['tickets']['salesWindow'];
        $at = Instant::millis($now);
        if (isset($window['opensAt']) && $at < Instant::millis(Instant::of($window['opensAt']))) {
            return 'not_yet_open';
        }
        if (isset($window['closesAt']) && $at >= Instant::millis(Instant::of($window['closesAt']))) {
            return 'closed';
        }
        return 'open';
    }
}
