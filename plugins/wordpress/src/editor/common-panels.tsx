import {
  CheckboxControl,
  PanelBody,
  SelectControl,
  TextControl,
  TextareaControl,
  ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { CommonConfig } from './types';

/** Title, description and payment options every kind of form shares. */
export function CommonPanels<C extends CommonConfig>(props: {
  config: C;
  update: (changes: Partial<C>) => void;
  formId: string;
  taxReceipt: boolean;
}) {
  const { config, update } = props;
  const toggleOffline = (method: string, on: boolean) =>
    update({
      offlineMethods: on
        ? [...config.offlineMethods, method]
        : config.offlineMethods.filter((m) => m !== method),
    } as Partial<C>);
  return (
    <>
      <PanelBody title={__('Form', 'guichet')}>
        <TextControl
          __nextHasNoMarginBottom
          label={__('Title', 'guichet')}
          value={config.title}
          onChange={(title: string) => update({ title } as Partial<C>)}
        />
        <TextareaControl
          __nextHasNoMarginBottom
          label={__('Description', 'guichet')}
          value={config.description}
          onChange={(description: string) => update({ description } as Partial<C>)}
        />
        <p className="guichet-form-id">
          {__('Form id (orders and quotas are attached to it):', 'guichet')} <code>{props.formId}</code>
        </p>
      </PanelBody>
      <PanelBody title={__('Payment', 'guichet')} initialOpen={false}>
        <ToggleControl
          __nextHasNoMarginBottom
          label={__('Offer to cover the payment fees', 'guichet')}
          checked={config.coverFees}
          onChange={(coverFees: boolean) => update({ coverFees } as Partial<C>)}
        />
        <CheckboxControl
          __nextHasNoMarginBottom
          label={__('Accept cheques', 'guichet')}
          checked={config.offlineMethods.includes('cheque')}
          onChange={(on: boolean) => toggleOffline('cheque', on)}
        />
        <CheckboxControl
          __nextHasNoMarginBottom
          label={__('Accept bank transfers', 'guichet')}
          checked={config.offlineMethods.includes('transfer')}
          onChange={(on: boolean) => toggleOffline('transfer', on)}
        />
      </PanelBody>
      {props.taxReceipt && config.taxReceipt && (
        <PanelBody title={__('Tax receipt', 'guichet')} initialOpen={false}>
          <ToggleControl
            __nextHasNoMarginBottom
            label={__('Issue tax receipts (reçus fiscaux)', 'guichet')}
            checked={config.taxReceipt.enabled}
            onChange={(enabled: boolean) =>
              update({ taxReceipt: { ...config.taxReceipt!, enabled } } as Partial<C>)
            }
          />
          <SelectControl
            __nextHasNoMarginBottom
            label={__('Reduction scheme', 'guichet')}
            value={config.taxReceipt.scheme}
            options={[
              { value: 'general', label: __('General interest (66 %)', 'guichet') },
              { value: 'coluche', label: __('Help for people in need, "Coluche" (75 %)', 'guichet') },
            ]}
            onChange={(scheme: string) =>
              update({
                taxReceipt: { ...config.taxReceipt!, scheme: scheme as 'general' | 'coluche' },
              } as Partial<C>)
            }
          />
        </PanelBody>
      )}
    </>
  );
}
