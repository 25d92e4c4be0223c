import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import {
  Button,
  PanelBody,
  RangeControl,
  SelectControl,
  TextControl,
  ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import { AmountField } from '../../editor/amount-field';
import { CommonPanels } from '../../editor/common-panels';
import { slug, useFormId } from '../../editor/form-id';
import { Preview } from '../../editor/preview';
import type { BlockProps, MembershipConfig, Tier } from '../../editor/types';

const PERIODS = [
  { value: 'calendar_year', label: __('Calendar year', 'guichet') },
  { value: 'rolling_year', label: __('12 months from payment', 'guichet') },
  { value: 'month', label: __('Month', 'guichet') },
  { value: 'lifetime', label: __('Lifetime', 'guichet') },
];

export function MembershipEdit({ attributes, setAttributes }: BlockProps<MembershipConfig>) {
  const { config, formId } = attributes;
  useFormId('adhesion', formId, (id) => setAttributes({ formId: id }));
  const update = (changes: Partial<MembershipConfig>) => setAttributes({ config: { ...config, ...changes } });
  const membership = config.membership;
  const setTiers = (tiers: Tier[]) => update({ membership: { ...membership, tiers } });
  const setTier = (index: number, changes: Partial<Tier>) =>
    setTiers(membership.tiers.map((t, i) => (i === index ? { ...t, ...changes } : t)));
  return (
    <div {...useBlockProps()}>
      <InspectorControls>
        <CommonPanels config={config} update={update} formId={formId} taxReceipt />
        <PanelBody title={__('Tiers', 'guichet')}>
          {membership.tiers.map((tier, index) => (
            <fieldset key={tier.id} className="guichet-editor-item">
              <legend>{tier.name || tier.id}</legend>
              <TextControl
                __nextHasNoMarginBottom
                label={__('Name', 'guichet')}
                value={tier.name}
                onChange={(name: string) => setTier(index, { name })}
              />
              <AmountField
                label={__('Price (€)', 'guichet')}
                value={tier.price.type === 'fixed' ? tier.price.amount : tier.price.minimum}
                onChange={(amount) => setTier(index, { price: { type: 'fixed', amount: amount ?? 0 } })}
              />
              <SelectControl
                __nextHasNoMarginBottom
                label={__('Period', 'guichet')}
                value={tier.period}
                options={PERIODS}
                onChange={(period: string) => setTier(index, { period })}
              />
              <ToggleControl
                __nextHasNoMarginBottom
                label={__('One price for the whole household', 'guichet')}
                checked={tier.per === 'order'}
                onChange={(household: boolean) => setTier(index, { per: household ? 'order' : 'member' })}
              />
              <Button
                variant="link"
                isDestructive
                disabled={membership.tiers.length <= 1}
                onClick={() => setTiers(membership.tiers.filter((_, i) => i !== index))}
              >
                {__('Remove this tier', 'guichet')}
              </Button>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() => {
              const name = __('New tier', 'guichet');
              const id = slug(
                name,
                membership.tiers.map((t) => t.id),
              );
              setTiers([
                ...membership.tiers,
                { id, name, period: 'calendar_year', price: { type: 'fixed', amount: 2000 }, per: 'member' },
              ]);
            }}
          >
            {__('Add a tier', 'guichet')}
          </Button>
        </PanelBody>
        <PanelBody title={__('Members', 'guichet')} initialOpen={false}>
          <RangeControl
            __nextHasNoMarginBottom
            label={__('Members per form', 'guichet')}
            min={1}
            max={20}
            value={membership.maxMembers}
            onChange={(maxMembers?: number) =>
              update({ membership: { ...membership, maxMembers: maxMembers ?? 1 } })
            }
          />
          <ToggleControl
            __nextHasNoMarginBottom
            label={__('Offer an extra donation', 'guichet')}
            checked={membership.allowExtraDonation}
            onChange={(allowExtraDonation: boolean) =>
              update({ membership: { ...membership, allowExtraDonation } })
            }
          />
        </PanelBody>
      </InspectorControls>
      <Preview
        title={config.title}
        fallbackTitle={__('Join us', 'guichet')}
        description={config.description}
        choices={membership.tiers.map((tier) => ({
          label: tier.name,
          amount: tier.price.type === 'fixed' ? tier.price.amount : tier.price.minimum,
          note: PERIODS.find((p) => p.value === tier.period)?.label,
        }))}
      />
    </div>
  );
}
