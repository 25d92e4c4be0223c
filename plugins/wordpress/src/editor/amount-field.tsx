import { TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { fromMinor, fromMinorList, toMinor, toMinorList } from './money';

/** One amount in euros; the attribute keeps minor units and changes only when the text reads as money. */
export function AmountField(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  help?: string;
}) {
  const [text, setText] = useState(props.value === undefined ? '' : fromMinor(props.value));
  return (
    <TextControl
      __nextHasNoMarginBottom
      label={props.label}
      help={props.help}
      value={text}
      inputMode="decimal"
      onChange={(next: string) => {
        setText(next);
        if (next.trim() === '') props.onChange(undefined);
        else {
          const amount = toMinor(next);
          if (amount !== null) props.onChange(amount);
        }
      }}
    />
  );
}

/** A list of amounts in euros separated by semicolons ("15; 30; 50"). */
export function AmountListField(props: {
  label: string;
  value: number[];
  onChange: (v: number[]) => void;
  help?: string;
}) {
  const [text, setText] = useState(fromMinorList(props.value));
  return (
    <TextControl
      __nextHasNoMarginBottom
      label={props.label}
      help={props.help}
      value={text}
      onChange={(next: string) => {
        setText(next);
        props.onChange(toMinorList(next));
      }}
    />
  );
}
