import { LIMITS } from '../../../backend-adapter/src/domain/validation/payer';
import { commonRequest, returnUrl } from '../sections/common';
import { consentsSection } from '../sections/consents';
import { customFields, customValues } from '../sections/custom-fields';
import { feeIfCovered, feeSection } from '../sections/fees';
import { payerSection } from '../sections/payer';
import { amount, chosen, date, email, postalCode, text } from './checks';
import { ProtocolError } from './client';
import { amountText, idFor, money, parseAmount } from './context';
import { fill, focusOn, h, uid } from './dom';
import { defineForm } from './element';
import { showFieldError, validateField } from './errors';
import { checkbox, group, input, radios, select, textarea } from './fields';
import { region } from './region';

/**
 * Every part of the core that a lazily loaded chunk (a kind, the simulation's step) uses, listed
 * once and re-exported by each of those chunks and by the entry (as `__core`).
 *
 * Why: esbuild's code splitting puts each piece of code in the chunk of the exact set of entry points that
 * use it, so a core used by different subsets of kinds and steps comes out as five small chunks. Making every
 * entry use this same list keeps the core in one chunk, which gzips about a kilobyte smaller for each form.
 */
export const CORE = [
  LIMITS,
  commonRequest,
  returnUrl,
  consentsSection,
  customFields,
  customValues,
  feeIfCovered,
  feeSection,
  payerSection,
  amount,
  chosen,
  date,
  email,
  postalCode,
  text,
  ProtocolError,
  amountText,
  idFor,
  money,
  parseAmount,
  fill,
  focusOn,
  h,
  uid,
  defineForm,
  showFieldError,
  validateField,
  checkbox,
  group,
  input,
  radios,
  select,
  textarea,
  region,
];
