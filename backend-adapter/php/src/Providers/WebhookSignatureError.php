<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** The webhook body was not signed with our secret, or its timestamp is outside the tolerance. */
final class WebhookSignatureError extends \RuntimeException
{
}
