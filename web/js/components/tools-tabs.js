// The console's tools, one click away: an ARIA tablist (arrow keys, Home and End move between tabs
// and show each at once, as the WAI-ARIA Authoring Practices' "automatic activation" tabs do) over
// one panel per tool. Each tool is a view {el, update(state)}, kept up to date while hidden (its
// views redraw only what changed), so what a test, a link or a dialog finds in it is never stale.
import { h, setText } from '../dom.js';
import { formatNumber, t } from '../i18n.js';

/**
 * tabs: [{id, label (i18n key), view: {el, update(state)}, count?(state) -> number}], shown in this order.
 * Tab buttons are `tab-<id>`, panels `tool-<id>`.
 */
export function createToolsTabs(tabs, { label = 'tabs.label', onSelect } = {}) {
  const list = h('div', { class: 'tool-tabs', role: 'tablist' });
  const panels = h('div', { class: 'tool-panels' });
  const el = h('section', { class: 'tools-pane', id: 'tools' }, list, panels);
  let selected = tabs[0]?.id;

  const items = tabs.map((tab) => {
    const name = h('span', { class: 'tab-name' });
    const badge = h('span', { class: 'tab-count', hidden: true });
    const button = h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `tool-${tab.id}`,
      class: 'tool-tab', onclick: () => select(tab.id, { focus: false }), onkeydown: (e) => key(e, tab.id) }, name, badge);
    // A panel is focusable (the APG's advice when it may start with text, not a control) and scrolls by itself.
    const panel = h('div', { role: 'tabpanel', id: `tool-${tab.id}`, class: 'tool-panel', tabindex: '0',
      'aria-labelledby': `tab-${tab.id}` }, tab.view.el);
    list.append(button);
    panels.append(panel);
    return { tab, button, name, badge, panel };
  });

  function key(e, id) {
    const i = items.findIndex((x) => x.tab.id === id);
    const last = items.length - 1;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(items[(to + items.length) % items.length].tab.id, { focus: true });
  }

  /** Shows one tool; focus moves to its tab only when the keyboard asked for it. */
  function select(id, { focus = false } = {}) {
    if (!items.some((x) => x.tab.id === id)) return;
    const changed = id !== selected;
    selected = id;
    for (const x of items) {
      const on = x.tab.id === id;
      x.button.setAttribute('aria-selected', String(on));
      x.button.tabIndex = on ? 0 : -1;
      x.panel.hidden = !on;
      if (on && focus) x.button.focus();
    }
    if (changed) onSelect?.(id);
  }

  /** Shows the tool that holds `node` (a card just parked, a field to fill in): true if it did. */
  function reveal(node) {
    const x = items.find((it) => it.panel.contains(node));
    if (!x) return false;
    if (x.tab.id !== selected) select(x.tab.id);
    return true;
  }

  function update(state) {
    list.setAttribute('aria-label', t(label));
    for (const x of items) {
      setText(x.name, t(x.tab.label));
      const n = x.tab.count?.(state) ?? 0;
      x.badge.hidden = !n;
      // In brackets, so it reads "Polls (1)" to a screen reader and to anyone not seeing the pill.
      setText(x.badge, n ? `(${formatNumber(n)})` : '');
      x.tab.view.update(state);
    }
  }

  select(selected);
  return { el, update, select, reveal, get selected() { return selected; } };
}
