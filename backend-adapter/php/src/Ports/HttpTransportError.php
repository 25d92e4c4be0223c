<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/** No HTTP answer at all: the request may or may not have reached the provider. */
final class HttpTransportError extends \RuntimeException
{
}
