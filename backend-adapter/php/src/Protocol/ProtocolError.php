<?php

declare(strict_types=1);

namespace Guichet\Adapter\Protocol;

/**
 * An error the protocol answers with: a stable code, the field concerned, placeholder values, and per-field
 * details. Messages are rendered only at the edge, in the payer's language, by toResponse().
 */
final class ProtocolError extends \RuntimeException
{
    private string $errorCode;
    private ?string $field;
    /** @var array<string, string|int> */
    private array $params;
    /** @var FieldError[] */
    private array $details;
    private int $status;
    private ?bool $retryable;

    /**
     * @param array<string, string|int> $params
     * @param FieldError[] $details
     */
    public function __construct(
        string $code,
        array $params = [],
        ?string $field = null,
        array $details = [],
        ?int $status = null,
        ?bool $retryable = null
    ) {
        parent::__construct($code);
        $this->errorCode = $code;
        $this->params = $params;
        $this->field = $field;
        $this->details = $details;
        $this->status = $status ?? ErrorCatalogue::status($code);
        $this->retryable = $retryable;
    }

    /** @param FieldError[] $details */
    public static function validation(array $details): self
    {
        return new self('validation_failed', [], null, $details);
    }

    public function errorCode(): string
    {
        return $this->errorCode;
    }

    public function field(): ?string
    {
        return $this->field;
    }

    /** @return array<string, string|int> */
    public function params(): array
    {
        return $this->params;
    }

    /** @return FieldError[] */
    public function details(): array
    {
        return $this->details;
    }

    public function status(): int
    {
        return $this->status;
    }

    /** The ErrorResponse body, in $locale. @return array<string, mixed> */
    public function toResponse(ErrorCatalogue $catalogue, string $locale): array
    {
        $error = [
            'code' => $this->errorCode,
            'message' => $catalogue->message($this->errorCode, $locale, $this->params, $this->field),
        ];
        if ($this->field !== null) {
            $error['field'] = $this->field;
        }
        if ($this->details !== []) {
            $error['errors'] = array_map(
                static function (FieldError $e) use ($catalogue, $locale): array {
                    return $e->toArray($catalogue, $locale);
                },
                $this->details
            );
        }
        if ($this->retryable !== null) {
            $error['retryable'] = $this->retryable;
        }
        return ['error' => $error];
    }
}
