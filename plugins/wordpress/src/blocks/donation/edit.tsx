import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { CheckboxControl, PanelBody, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { AmountField, AmountListField } from '../../editor/amount-field';
import { CommonPanels } from '../../editor/common-panels';
import { useFormId } from '../../editor/form-id';
import { Preview } from '../../editor/preview';
import type { BlockProps, DonationConfig } from '../../editor/types';

const FREQUENCIES: [string, string][] = [
  ['once', __('One-off', 'guichet')],
  ['monthly', __('Monthly', 'guichet')],
  ['yearly', __('Yearly', 'guichet')],
];

export function DonationEdit({ attributes, setAttributes }: BlockProps<DonationConfig>) {
  const { config, formId } = attributes;
  useFormId('don', formId, (id) => setAttributes({ formId: id }));
  const update = (changes: Partial<DonationConfig>) => setAttributes({ config: { ...config, ...changes } });
  const donation = config.donation;
  const setDonation = (changes: Partial<DonationConfig['donation']>) =>
    update({ donation: { ...donation, ...changes } });
  return (
    <div {...useBlockProps()}>
      <InspectorControls>
        <CommonPanels config={config} update={update} formId={formId} taxReceipt />
        <PanelBody title={__('Amounts', 'guichet')}>
          <AmountListField
            label={__('Suggested amounts (€), separated by ;', 'guichet')}
            value={donation.presets}
            onChange={(presets) => setDonation({ presets })}
          />
          <AmountListField
            label={__('Suggested monthly amounts (€)', 'guichet')}
            value={donation.presetsMonthly ?? []}
            onChange={(presetsMonthly) => setDonation({ presetsMonthly })}
          />
          <ToggleControl
            __nextHasNoMarginBottom
            label={__('Let donors type their own amount', 'guichet')}
            checked={donation.allowCustomAmount}
            onChange={(allowCustomAmount: boolean) => setDonation({ allowCustomAmount })}
          />
          <AmountField
            label={__('Minimum (€)', 'guichet')}
            value={donation.minimum}
            onChange={(v) => setDonation({ minimum: v ?? 100 })}
          />
          <AmountField
            label={__('Maximum (€)', 'guichet')}
            value={donation.maximum}
            onChange={(v) => setDonation({ maximum: v ?? 1000000 })}
          />
          <AmountField
            label={__('Goal (€), shown as a progress bar', 'guichet')}
            value={donation.goal}
            onChange={(goal) => setDonation({ goal })}
          />
        </PanelBody>
        <PanelBody title={__('Frequencies', 'guichet')} initialOpen={false}>
          {FREQUENCIES.map(([value, label]) => (
            <CheckboxControl
              __nextHasNoMarginBottom
              key={value}
              label={label}
              checked={donation.frequencies.includes(value)}
              onChange={(on: boolean) => {
                const frequencies = on
                  ? [...donation.frequencies, value]
                  : donation.frequencies.filter((f) => f !== value);
                if (frequencies.length > 0) setDonation({ frequencies, defaultFrequency: frequencies[0] });
              }}
            />
          ))}
        </PanelBody>
      </InspectorControls>
      <Preview
        title={config.title}
        fallbackTitle={__('Make a donation', 'guichet')}
        description={config.description}
        choices={donation.presets.map((amount) => ({ label: __('Give', 'guichet'), amount }))}
      />
    </div>
  );
}
