// Poll results as a bar chart that is also plain text: each bar has its count and percentage
// written beside it, so nothing depends on seeing the bars (or their colour).
import { h } from '../dom.js';
import { formatNumber, t } from '../i18n.js';

export function pollChart(poll, { yourAnswer = null, headingLevel = 3 } = {}) {
  const counts = Array.isArray(poll.counts) ? poll.counts : [];
  const total = counts.reduce((a, b) => a + (Number(b) || 0), 0);
  const max = Math.max(1, ...counts);
  const rows = (poll.options ?? []).map((label, i) => {
    const n = counts[i] ?? 0;
    const pct = total ? Math.round((n / total) * 100) : 0;
    const fill = h('span', { class: 'bar-fill' });
    // CSSOM, not a style attribute: allowed by the page's CSP.
    fill.style.width = `${(n / max) * 100}%`;
    return h('li', { class: yourAnswer === i ? 'poll-row yours' : 'poll-row' },
      h('span', { class: 'poll-label' }, label,
        yourAnswer === i ? h('span', { class: 'yours-mark' }, ' ', t('poll.yourAnswer')) : null),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
      h('span', { class: 'poll-count' }, t('poll.count', { count: n, pct: formatNumber(pct) })));
  });
  return h('figure', { class: 'poll-chart' },
    h('figcaption', {},
      h(`h${headingLevel}`, { class: 'poll-question' }, poll.question ?? ''),
      h('span', { class: 'poll-meta' },
        poll.status === 'open' ? t('poll.open') : t('poll.closed'), ' · ', t('poll.answers', { count: total }))),
    h('ul', { class: 'poll-rows' }, rows));
}
