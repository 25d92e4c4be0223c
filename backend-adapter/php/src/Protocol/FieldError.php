<?php

declare(strict_types=1);

namespace Guichet\Adapter\Protocol;

/** One problem tied to a dotted field path (the PHP twin of the domain's DomainError). */
final class FieldError
{
    public string $code;
    public ?string $field;
    /** @var array<string, string|int> */
    public array $params;

    /** @param array<string, string|int> $params */
    public function __construct(string $code, ?string $field = null, array $params = [])
    {
        $this->code = $code;
        $this->field = $field;
        $this->params = $params;
    }

    /** @return array{code: string, field?: string, message: string} */
    public function toArray(ErrorCatalogue $catalogue, string $locale): array
    {
        $out = ['code' => $this->code];
        if ($this->field !== null) {
            $out['field'] = $this->field;
        }
        $out['message'] = $catalogue->message($this->code, $locale, $this->params, $this->field);
        return $out;
    }

    /** The shape the shared vectors use: {code, field?, params?}. @return array<string, mixed> */
    public function toData(): array
    {
        $out = ['code' => $this->code];
        if ($this->field !== null) {
            $out['field'] = $this->field;
        }
        if ($this->params !== []) {
            $out['params'] = $this->params;
        }
        return $out;
    }
}
