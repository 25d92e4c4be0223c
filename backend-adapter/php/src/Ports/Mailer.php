<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** Sends one plain-text email (wp_mail, SPIP's envoyer_mail…). Returns false when the host could not send it. */
interface Mailer
{
    public function send(string $to, string $subject, string $textBody): bool;
}
