/**
 * Forms exist in two shapes built from the same parts (form-parts.ts):
 * - FormConfig (form-config.ts): what an editor configures and a host stores (texts may carry both languages;
 *   promo codes are secret);
 * - FormDefinition (form-definition.ts): what `GET forms/{id}` answers (texts resolved for the payer, live
 *   availability, no secret).
 * Building both from one factory keeps them from drifting apart. This module is the public face of the three.
 */
export {
  CustomFieldType,
  FeeRule,
  FormKind,
  Frequency,
  MembershipPeriod,
  OfflineMethod,
  PromoCode,
  PromoCodeDiscount,
  ProviderId,
  TaxScheme,
  type CustomField,
} from './form-parts';
export * from './form-config';
export * from './form-definition';
