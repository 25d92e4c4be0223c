<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Providers\PaymentProvider;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderConfigError;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\Reconciler;
use Guichet\Adapter\Providers\Refunder;
use Guichet\Adapter\Providers\WebhookReceiver;

/**
 * A complete local card processor for demos and end-to-end tests: no account, no network, no storage — the
 * same tokens and test cards as providers/simulation in TypeScript, so a PHP host and a Node host agree.
 */
final class SimulationProvider implements PaymentProvider, CardSimulator, WebhookReceiver, Refunder, Reconciler
{
    private string $secret;
    /** @var callable fn(string $orderId): string, the absolute confirm URL */
    private $confirmUrl;
    private Clock $clock;

    /** @param array{enabled?: bool, secret: string} $settings */
    public function __construct(array $settings, callable $confirmUrl, Clock $clock)
    {
        $secret = (string) ($settings['secret'] ?? '');
        if (strlen($secret) < 16) {
            throw new ProviderConfigError('simulation.secret', 'The simulation secret must be at least 16 characters long.');
        }
        $this->secret = $secret;
        $this->confirmUrl = $confirmUrl;
        $this->clock = $clock;
    }

    public function id(): string
    {
        return 'simulation';
    }

    public function publicMethods(): array
    {
        return [['provider' => 'simulation']];
    }

    public function startPayment(PaymentRequest $request, \DateTimeImmutable $now): ProviderCommand
    {
        if ($request->total <= 0 || !preg_match('/^[A-Z]{3}$/', $request->currency)) {
            throw new ProviderError('bad_request', 'Order ' . $request->orderId . ' has nothing to pay.');
        }
        $payment = ['orderId' => $request->orderId, 'amount' => $request->total, 'currency' => $request->currency];
        return ProviderCommand::next(
            [
                'type' => 'confirm',
                'provider' => 'simulation',
                'clientSecret' => Tokens::signClientSecret($this->secret, $payment),
                'confirmUrl' => ($this->confirmUrl)($request->orderId),
            ],
            Tokens::signPaymentRef($this->secret, $payment + ['state' => 'open', 'at' => $now->getTimestamp()])
        );
    }

    public function confirm(string $clientSecret, string $card, \DateTimeImmutable $now): array
    {
        return Processor::confirmCard($this->secret, $clientSecret, $card, $now);
    }

    public function challenge(string $clientSecret, bool $approve, \DateTimeImmutable $now): array
    {
        return Processor::answerChallenge($this->secret, $clientSecret, $approve, $now);
    }

    public function receiveWebhook(string $rawBody, array $headers, \DateTimeImmutable $now): array
    {
        return SimulationWebhook::receive($this->secret, $rawBody, $headers, $now);
    }

    public function refund(string $providerRef, ?int $amount, string $idempotencyKey): array
    {
        return Processor::refund($this->secret, $providerRef, $amount, $idempotencyKey, $this->clock->now());
    }

    public function reconcile(string $providerRef, \DateTimeImmutable $now): array
    {
        return Processor::reconcile($this->secret, $providerRef, $now);
    }
}
