export type { FormConfig } from '../../../../backend-adapter/src/protocol';
export type { ProviderSettings } from '../../../../backend-adapter/src/providers/settings';
