<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain;

/** What the rules need from the world besides the form and the request (domain/context.ts). */
final class OrderContext
{
    /** The instant the order is taken: sales windows, promo expiry and holds are judged against it. */
    public \DateTimeImmutable $now;
    /** Language of labels and of amounts formatted inside error parameters. */
    public string $locale;
    /**
     * Seats left for a ticket type right now, null for unlimited: fn(string $typeId): ?int. Absent: the
     * configured quota counts as fully available (previews only).
     * @var callable|null
     */
    public $availability;
    /** @var callable|null fn(string $code): int, orders that already used a promo code */
    public $promoUses;
    /** @var array<string, string> overrides of the built-in line labels */
    public array $labels;

    /** @param array<string, string> $labels */
    public function __construct(
        \DateTimeImmutable $now,
        string $locale,
        ?callable $availability = null,
        ?callable $promoUses = null,
        array $labels = []
    ) {
        $this->now = $now;
        $this->locale = $locale === 'en' ? 'en' : 'fr';
        $this->availability = $availability;
        $this->promoUses = $promoUses;
        $this->labels = $labels;
    }
}
