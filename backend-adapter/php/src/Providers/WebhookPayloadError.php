<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** The body was genuine (signature verified) but is not an event the provider can read. */
final class WebhookPayloadError extends \RuntimeException
{
}
