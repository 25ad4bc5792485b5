// Poll results as a bar chart that is also plain text: each bar has its count and percentage
// written beside it, so nothing depends on seeing the bars (or their colour). A new answer changes
// only the counts and bars it moved; the chart's elements stay, so nothing else is read out again.
import { h, keyedList, setText } from '../dom.js';
import { formatNumber, t } from '../i18n.js';

function optionRow() {
  const label = h('span');
  const mark = h('span', { class: 'yours-mark' });
  const fill = h('span', { class: 'bar-fill' });
  const count = h('span', { class: 'poll-count' });
  const labelBox = h('span', { class: 'poll-label' }, label);
  const el = h('li', { class: 'poll-row' }, labelBox, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill), count);
  let width = null;
  return {
    el,
    update({ text, n, pct, max, yours }) {
      setText(label, text);
      const cls = yours ? 'poll-row yours' : 'poll-row';
      if (el.className !== cls) el.className = cls;
      setText(mark, ` ${t('poll.yourAnswer')}`);
      if (yours && !mark.parentNode) labelBox.append(mark);
      else if (!yours && mark.parentNode) mark.remove();
      // CSSOM, not a style attribute: allowed by the page's CSP.
      const w = `${(n / max) * 100}%`;
      if (w !== width) fill.style.width = width = w;
      setText(count, t('poll.count', { count: n, pct: formatNumber(pct) }));
    },
  };
}

/** createPollChart({headingLevel}) -> {el, update(poll, {yourAnswer})}. */
export function createPollChart({ headingLevel = 3 } = {}) {
  const question = h(`h${headingLevel}`, { class: 'poll-question' });
  const meta = h('span', { class: 'poll-meta' });
  const list = h('ul', { class: 'poll-rows' });
  const el = h('figure', { class: 'poll-chart' }, h('figcaption', {}, question, meta), list);
  // Rows by position: a poll's options do not change once it is made.
  const rows = keyedList(list, optionRow, (o) => o.i);
  function update(poll, { yourAnswer = null } = {}) {
    const counts = Array.isArray(poll.counts) ? poll.counts : [];
    const total = counts.reduce((a, b) => a + (Number(b) || 0), 0);
    const max = Math.max(1, ...counts);
    setText(question, poll.question ?? '');
    setText(meta, `${poll.status === 'open' ? t('poll.open') : t('poll.closed')} · ${t('poll.answers', { count: total })}`);
    rows((poll.options ?? []).map((text, i) => {
      const n = counts[i] ?? 0;
      return { i, text, n, max, pct: total ? Math.round((n / total) * 100) : 0, yours: yourAnswer === i };
    }));
  }
  return { el, update };
}
