<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Orders;

use Guichet\Adapter\Orders\PromoUsedUp;
use Guichet\Adapter\Protocol\ErrorCatalogue;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Storage\MemoryStorage;
use PHPUnit\Framework\TestCase;

/**
 * The check CreateOrder runs inside the order's transaction, after OrderPrice's early one saw uses left: when
 * other buyers took the last uses meanwhile, the payer reads the very error of the early check.
 */
final class PromoUsedUpTest extends TestCase
{
    private const FORM = [
        'id' => 'gala',
        'kind' => 'tickets',
        'tickets' => [
            'types' => [['id' => 'plein', 'name' => 'Plein tarif', 'price' => 2000]],
            'promoCodes' => [
                ['code' => 'AMIS', 'discount' => ['type' => 'percent', 'percentBps' => 5000], 'maxUses' => 2],
                ['code' => 'LIBRE', 'discount' => ['type' => 'percent', 'percentBps' => 1000]],
            ],
        ],
    ];

    /** @return array<string, mixed> */
    private static function order(string $id, ?string $code): array
    {
        return ['id' => $id, 'formId' => 'gala', 'status' => 'pending', 'promoCode' => $code];
    }

    public function testTheLastUsesTakenMeanwhileRefuseTheOrderOnItsPromoCodeField(): void
    {
        $storage = new MemoryStorage();
        PromoUsedUp::check($storage, self::FORM, self::order('o1', 'AMIS'));
        $storage->insertOrder(self::order('o1', 'AMIS'));
        $storage->insertOrder(self::order('o2', 'AMIS'));
        try {
            PromoUsedUp::check($storage, self::FORM, self::order('o3', 'AMIS'));
            self::fail('A third use of a code limited to two must be refused');
        } catch (ProtocolError $e) {
            $fr = $e->toResponse(ErrorCatalogue::shared(), 'fr')['error'];
            $en = $e->toResponse(ErrorCatalogue::shared(), 'en')['error'];
            self::assertSame(422, $e->status());
            self::assertSame('validation_failed', $fr['code']);
            self::assertSame(['promo_code_exhausted'], array_column($fr['errors'], 'code'));
            self::assertSame(['tickets.promoCode'], array_column($fr['errors'], 'field'));
            self::assertStringContainsString('ce code promo a déjà été utilisé', $fr['errors'][0]['message']);
            self::assertStringContainsString('this promo code has been used up', $en['errors'][0]['message']);
        }
    }

    public function testACodeWithoutLimitOrAnOrderWithoutCodeIsNeverRefused(): void
    {
        $storage = new MemoryStorage();
        for ($i = 0; $i < 3; $i++) {
            $storage->insertOrder(self::order('o' . $i, 'LIBRE'));
        }
        PromoUsedUp::check($storage, self::FORM, self::order('o9', 'LIBRE'));
        PromoUsedUp::check($storage, self::FORM, self::order('o10', null));
        $this->addToAssertionCount(1);
    }
}
