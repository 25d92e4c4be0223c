import { __ } from '@wordpress/i18n';
import { fromMinor } from './money';

/** What visitors will see, drawn from the block's settings (the live widget needs the saved form). */
export function Preview(props: {
  title: string;
  fallbackTitle: string;
  description: string;
  choices: { label: string; amount?: number; note?: string }[];
}) {
  return (
    <div className="guichet-preview">
      <h3>{props.title || props.fallbackTitle}</h3>
      {props.description && <p>{props.description}</p>}
      <ul className="guichet-preview__choices">
        {props.choices.map((choice, i) => (
          <li key={i}>
            <strong>{choice.label}</strong>
            {choice.amount !== undefined && <span> {fromMinor(choice.amount)} €</span>}
            {choice.note && <small> ({choice.note})</small>}
          </li>
        ))}
      </ul>
      <p className="guichet-preview__note">
        {__('Preview: the live form appears on the published page.', 'guichet')}
      </p>
    </div>
  );
}
