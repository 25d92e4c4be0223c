import { fill, h, type Child } from './dom';
import type { Ctx } from './context';

/**
 * A part of the form redrawn from the state when one of the values it depends on changes (the address
 * when a receipt is asked, the attendees when quantities change). Values live in the state, so a redraw
 * loses nothing; focus stays on the control with the same id.
 */
export function region(ctx: Ctx, dependsOn: (name: string) => boolean, render: () => Child): HTMLElement {
  const element = h('div', { class: 'g-region' });
  const draw = () => {
    const active = document.activeElement;
    const focusId = active && element.contains(active) ? active.id : '';
    fill(element, render());
    if (focusId) document.getElementById(focusId)?.focus();
  };
  draw();
  ctx.state.onChange((name) => {
    if (dependsOn(name)) draw();
  });
  return element;
}
