<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use Guichet\Adapter\Ports\Mailer;

/** A Mailer that keeps what it was asked to send; it can be told to fail like a host without a mail server. */
final class ReceiptMailbox implements Mailer
{
    /** @var array<int, array{to: string, subject: string, body: string}> */
    public array $sent = [];
    public bool $working = true;

    public function send(string $to, string $subject, string $textBody): bool
    {
        if (!$this->working) {
            return false;
        }
        $this->sent[] = ['to' => $to, 'subject' => $subject, 'body' => $textBody];
        return true;
    }

    /** The URL in the last e-mail's body (the signed link). */
    public function lastLink(): ?string
    {
        $last = end($this->sent);
        return $last !== false && preg_match('#https?://\S+#', $last['body'], $m) ? $m[0] : null;
    }
}
