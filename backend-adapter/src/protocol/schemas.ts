import type { TSchema } from '@sinclair/typebox';
import { FormConfig, FormDefinition } from './form';
import { OrderRequest } from './order-request';
import {
  OrderCreated,
  OrderStatus,
  SimulationChallengeRequest,
  SimulationConfirmRequest,
  SimulationResult,
} from './order-response';
import { ErrorResponse } from './errors';
import { SimulationEvent, WebhookAck } from './webhook';
import { PROTOCOL_VERSION } from './common';

/** Every message of protocol v1 by name: the list the JSON Schema document and the docs are made from. */
export const PROTOCOL_SCHEMAS = {
  FormConfig,
  FormDefinition,
  OrderRequest,
  OrderCreated,
  OrderStatus,
  SimulationConfirmRequest,
  SimulationChallengeRequest,
  SimulationResult,
  ErrorResponse,
  WebhookAck,
  SimulationEvent,
} satisfies Record<string, TSchema>;

/** One JSON Schema (2020-12) document holding every message under `$defs`, for hosts written in other languages. */
export function protocolJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://guichet.example/protocol/v${PROTOCOL_VERSION}.schema.json`,
    title: `Guichet protocol v${PROTOCOL_VERSION}`,
    description:
      'Generated from backend-adapter/src/protocol by `npm run -w backend-adapter schemas`. Do not edit.',
    $defs: JSON.parse(JSON.stringify(PROTOCOL_SCHEMAS)) as Record<string, unknown>,
  };
}
