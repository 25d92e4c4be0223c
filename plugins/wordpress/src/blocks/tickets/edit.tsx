import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { Button, PanelBody, RangeControl, TextControl, ToggleControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';
import { AmountField } from '../../editor/amount-field';
import { CommonPanels } from '../../editor/common-panels';
import { slug, useFormId } from '../../editor/form-id';
import { Preview } from '../../editor/preview';
import type { BlockProps, PromoCode, TicketsConfig, TicketType } from '../../editor/types';

export function TicketsEdit({ attributes, setAttributes }: BlockProps<TicketsConfig>) {
  const { config, formId } = attributes;
  useFormId('billetterie', formId, (id) => setAttributes({ formId: id }));
  const update = (changes: Partial<TicketsConfig>) => setAttributes({ config: { ...config, ...changes } });
  const tickets = config.tickets;
  const setTickets = (changes: Partial<TicketsConfig['tickets']>) =>
    update({ tickets: { ...tickets, ...changes } });
  const setType = (index: number, changes: Partial<TicketType>) =>
    setTickets({ types: tickets.types.map((t, i) => (i === index ? { ...t, ...changes } : t)) });
  const setPromo = (index: number, promo: PromoCode) =>
    setTickets({ promoCodes: tickets.promoCodes.map((p, i) => (i === index ? promo : p)) });
  const event = tickets.event ?? { startsAt: '', location: '' };
  return (
    <div {...useBlockProps()}>
      <InspectorControls>
        <CommonPanels config={config} update={update} formId={formId} taxReceipt={false} />
        <PanelBody title={__('Event', 'guichet')}>
          <TextControl
            __nextHasNoMarginBottom
            type="datetime-local"
            label={__('Starts at', 'guichet')}
            value={event.startsAt.slice(0, 16)}
            onChange={(startsAt: string) => setTickets({ event: { ...event, startsAt } })}
          />
          <TextControl
            __nextHasNoMarginBottom
            label={__('Place', 'guichet')}
            value={event.location ?? ''}
            onChange={(location: string) => setTickets({ event: { ...event, location } })}
          />
        </PanelBody>
        <PanelBody title={__('Ticket types', 'guichet')}>
          {tickets.types.map((type, index) => (
            <fieldset key={type.id} className="guichet-editor-item">
              <legend>{type.name || type.id}</legend>
              <TextControl
                __nextHasNoMarginBottom
                label={__('Name', 'guichet')}
                value={type.name}
                onChange={(name: string) => setType(index, { name })}
              />
              <AmountField
                label={__('Price (€, 0 for free)', 'guichet')}
                value={type.price}
                onChange={(price) => setType(index, { price: price ?? 0 })}
              />
              <TextControl
                __nextHasNoMarginBottom
                type="number"
                min={0}
                label={__('Seats for sale (empty: unlimited)', 'guichet')}
                value={type.quota === undefined ? '' : String(type.quota)}
                onChange={(quota: string) =>
                  setType(index, { quota: quota === '' ? undefined : Math.max(0, Math.floor(Number(quota))) })
                }
              />
              <Button
                variant="link"
                isDestructive
                disabled={tickets.types.length <= 1}
                onClick={() => setTickets({ types: tickets.types.filter((_, i) => i !== index) })}
              >
                {__('Remove this ticket type', 'guichet')}
              </Button>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() => {
              const name = __('New ticket', 'guichet');
              setTickets({
                types: [
                  ...tickets.types,
                  {
                    id: slug(
                      name,
                      tickets.types.map((t) => t.id),
                    ),
                    name,
                    price: 1000,
                    quota: 50,
                  },
                ],
              });
            }}
          >
            {__('Add a ticket type', 'guichet')}
          </Button>
          <RangeControl
            __nextHasNoMarginBottom
            label={__('Tickets per order, at most', 'guichet')}
            min={1}
            max={100}
            value={tickets.maxPerOrder}
            onChange={(maxPerOrder?: number) => setTickets({ maxPerOrder: maxPerOrder ?? 10 })}
          />
          <ToggleControl
            __nextHasNoMarginBottom
            label={__("Ask each attendee's name", 'guichet')}
            checked={tickets.attendeeNames}
            onChange={(attendeeNames: boolean) => setTickets({ attendeeNames })}
          />
        </PanelBody>
        <PanelBody title={__('Promo codes', 'guichet')} initialOpen={false}>
          {tickets.promoCodes.map((promo, index) => (
            <fieldset key={index} className="guichet-editor-item">
              <TextControl
                __nextHasNoMarginBottom
                label={__('Code', 'guichet')}
                value={promo.code}
                onChange={(code: string) => setPromo(index, { ...promo, code: code.toUpperCase() })}
              />
              <TextControl
                __nextHasNoMarginBottom
                type="number"
                min={1}
                max={100}
                label={__('Discount (%)', 'guichet')}
                value={promo.discount.type === 'percent' ? String(promo.discount.percentBps / 100) : ''}
                onChange={(percent: string) =>
                  setPromo(index, {
                    ...promo,
                    discount: {
                      type: 'percent',
                      percentBps: Math.round(Math.min(100, Math.max(0, Number(percent))) * 100),
                    },
                  })
                }
              />
              <Button
                variant="link"
                isDestructive
                onClick={() => setTickets({ promoCodes: tickets.promoCodes.filter((_, i) => i !== index) })}
              >
                {__('Remove this code', 'guichet')}
              </Button>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() =>
              setTickets({
                promoCodes: [
                  ...tickets.promoCodes,
                  { code: 'PROMO', discount: { type: 'percent', percentBps: 1000 } },
                ],
              })
            }
          >
            {__('Add a promo code', 'guichet')}
          </Button>
        </PanelBody>
      </InspectorControls>
      <Preview
        title={config.title}
        fallbackTitle={__('Tickets', 'guichet')}
        description={config.description}
        choices={tickets.types.map((type) => ({
          label: type.name,
          amount: type.price,
          note: type.quota === undefined ? undefined : sprintf(__('%d seats', 'guichet'), type.quota),
        }))}
      />
    </div>
  );
}
