import { h, uid, type Child } from '../core/dom';

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside),
 * Escape fires `cancel`, focus returns where it was on close. Labelled by its title, described by its text.
 * Placed inside `parent` (the form) so it shares its language and styles; showModal lifts it above the page.
 * Resolves with the value of the button pressed, or `cancelValue` on Escape.
 */
export function ask<T>(
  parent: HTMLElement,
  title: string,
  text: Child,
  buttons: { label: string; value: T; primary?: boolean }[],
  cancelValue: T,
): Promise<T> {
  const id = uid('gd');
  return new Promise((resolve) => {
    const returnTo = document.activeElement as HTMLElement | null;
    const dialog = h('dialog', {
      class: 'g-dialog',
      'aria-labelledby': `${id}-t`,
      'aria-describedby': `${id}-d`,
    });
    const close = (value: T) => {
      dialog.close();
      dialog.remove();
      returnTo?.focus();
      resolve(value);
    };
    dialog.append(
      h('h2', { id: `${id}-t` }, title),
      h('div', { id: `${id}-d` }, text),
      h(
        'div',
        { class: 'g-actions' },
        buttons.map((button) =>
          h(
            'button',
            {
              type: 'button',
              class: `g-button ${button.primary ? 'g-primary' : 'g-secondary'}`,
              onclick: () => close(button.value),
            },
            button.label,
          ),
        ),
      ),
    );
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(cancelValue);
    });
    parent.append(dialog);
    // Every browser the build targets (safari15.4, firefox100: build.mjs) has showModal().
    dialog.showModal();
    dialog.querySelector<HTMLElement>('.g-primary')?.focus();
  });
}
