<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers;

/** A provider whose webhooks are verified on the raw body before anything parses it. */
interface WebhookReceiver
{
    /**
     * @param array<string, string> $headers request headers, names in any case
     * @return ProviderEvent[] normalised events, possibly none (event types the adapter ignores)
     * @throws WebhookSignatureError when the body was not signed by the provider (or is too old)
     */
    public function receiveWebhook(string $rawBody, array $headers, \DateTimeImmutable $now): array;
}
