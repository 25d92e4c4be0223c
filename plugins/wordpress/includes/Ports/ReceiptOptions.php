<?php
/**
 * The adapter's ReceiptSettings port on WordPress options: the issuer is built from the `receipts` part of the
 * guichet_settings option (and the association's name), and counts only once the domain finds it complete; the
 * links' signing secret is its own option, generated once, never autoloaded, never shown.
 *
 * @package Guichet
 */

namespace Guichet\WordPress\Ports;

use Guichet\Adapter\Domain\Receipts\ReceiptDocuments;
use Guichet\Adapter\Ports\ReceiptSettings;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\WordPress\Rest\ReceiptRoute;

defined('ABSPATH') || exit;

final class ReceiptOptions implements ReceiptSettings
{
    public const SECRET_OPTION = 'guichet_receipt_link_secret';

    /** @var array<string, mixed> */
    private array $values;

    /** @param array<string, mixed>|null $values the whole guichet_settings option; defaults to the stored one */
    public function __construct(?array $values = null)
    {
        $this->values = $values ?? OptionsSettings::stored();
    }

    /** @return array<string, mixed> the receipts section as stored, over its defaults */
    public static function defaults(): array
    {
        return [
            'address' => ['line1' => '', 'line2' => '', 'postalCode' => '', 'city' => '', 'country' => 'FR'],
            'object' => '',
            'status' => '',
            'statusDetail' => '',
            'prefix' => '',
            'signatoryName' => '',
            'signatoryRole' => '',
            'signatureId' => 0,
        ];
    }

    public function receiptIssuer(): ?array
    {
        $issuer = $this->issuer();
        return self::problems($issuer) === [] ? $issuer : null;
    }

    /** True once the treasurer typed anything in the receipts section (then missing fields are worth flagging). */
    public function started(): bool
    {
        $r = $this->section();
        $typed = array_filter([$r['object'], $r['status'], $r['statusDetail'], $r['prefix'], $r['signatoryName'], $r['signatoryRole'],
            $r['address']['line1'], $r['address']['postalCode'], $r['address']['city']], static function ($v): bool {
                return trim((string) $v) !== '';
            });
        return $typed !== [] || (int) $r['signatureId'] > 0;
    }

    /**
     * The issuer as the settings describe it, complete or not (keys of ReceiptIssuer; optional ones left out
     * when empty).
     * @return array<string, mixed>
     */
    public function issuer(): array
    {
        $r = $this->section();
        $address = ['line1' => (string) $r['address']['line1']];
        if ((string) $r['address']['line2'] !== '') {
            $address['line2'] = (string) $r['address']['line2'];
        }
        $address += [
            'postalCode' => (string) $r['address']['postalCode'],
            'city' => (string) $r['address']['city'],
            'country' => (string) $r['address']['country'],
        ];
        $name = (string) ($this->values['organization']['name'] ?? '');
        $issuer = [
            'name' => $name !== '' ? $name : (string) get_bloginfo('name'),
            'address' => $address,
            'object' => (string) $r['object'],
            'status' => (string) $r['status'],
            'signatory' => ['name' => (string) $r['signatoryName'], 'role' => (string) $r['signatoryRole']],
        ];
        if ((string) $r['statusDetail'] !== '') {
            $issuer['statusDetail'] = (string) $r['statusDetail'];
        }
        if ((string) $r['prefix'] !== '') {
            $issuer['prefix'] = (string) $r['prefix'];
        }
        $image = self::signatureImage((int) $r['signatureId']);
        if ($image !== null) {
            $issuer['signatureImage'] = $image;
        }
        return $issuer;
    }

    /**
     * What the domain finds missing or wrong, by field (`address.line1`, `signatory.name`…): code and params.
     * @param array<string, mixed> $issuer
     * @return array<string, array{code: string, params: array<string, mixed>}>
     */
    public static function problems(array $issuer): array
    {
        $out = [];
        foreach (ReceiptDocuments::validateIssuer($issuer) as $error) {
            $error = $error instanceof FieldError ? ['code' => $error->code, 'field' => $error->field, 'params' => $error->params] : (array) $error;
            $field = (string) ($error['field'] ?? '');
            if (!isset($out[$field])) {
                $out[$field] = ['code' => (string) ($error['code'] ?? 'invalid'), 'params' => (array) ($error['params'] ?? [])];
            }
        }
        return $out;
    }

    public function receiptLinkSecret(): string
    {
        return self::linkSecret();
    }

    /** Generated at first use (64 characters from wp_generate_password), kept out of autoload and of every page. */
    public static function linkSecret(): string
    {
        $secret = (string) get_option(self::SECRET_OPTION, '');
        if (strlen($secret) < 32) {
            $secret = wp_generate_password(64, false, false);
            update_option(self::SECRET_OPTION, $secret, false);
        }
        return $secret;
    }

    public function receiptUrl(string $receiptId, string $token): string
    {
        return ReceiptRoute::url($receiptId, $token);
    }

    /** @return array<string, mixed> */
    private function section(): array
    {
        $stored = $this->values['receipts'] ?? [];
        $section = array_replace_recursive(self::defaults(), is_array($stored) ? $stored : []);
        // Sites set up before receipts typed the object under the association's identity.
        if ($section['object'] === '') {
            $section['object'] = (string) ($this->values['organization']['object'] ?? '');
        }
        return $section;
    }

    /**
     * The signature picture from the media library, as the receipt embeds it; null without one. The domain
     * checks what it accepts (JPEG, 8-bit PNG without transparency).
     * @return array{type: string, data: string}|null
     */
    private static function signatureImage(int $attachmentId): ?array
    {
        if ($attachmentId <= 0) {
            return null;
        }
        $file = get_attached_file($attachmentId);
        $type = (string) get_post_mime_type($attachmentId);
        if (!is_string($file) || $file === '' || !is_readable($file)) {
            return null;
        }
        $bytes = (string) file_get_contents($file); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a local upload.
        return ['type' => $type === 'image/jpg' ? 'image/jpeg' : $type, 'data' => base64_encode($bytes)];
    }
}
