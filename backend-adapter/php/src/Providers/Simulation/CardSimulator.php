<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Simulation;

/** What the host's simulation routes call (ROUTES.simulationConfirm / simulationChallenge). */
interface CardSimulator
{
    /** @return array<string, mixed> a Processor answer */
    public function confirm(string $clientSecret, string $card, \DateTimeImmutable $now): array;

    /** @return array<string, mixed> a Processor answer */
    public function challenge(string $clientSecret, bool $approve, \DateTimeImmutable $now): array;
}
