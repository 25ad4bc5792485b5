// The console's "Reports and ending": the outcome report in the formats people know (Word, PDF
// first), and ending the workshop for everyone, after a confirmation in a dialog whose safe choice,
// Cancel, has the focus (as for removing someone or making a new join code).
import { ERR } from '../wire.js';
import { h, setText } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { announce, showError } from '../shell.js';
import { askToConfirm } from './confirm.js';

// Plain words first: most people want a Word document or a PDF; the rest are for those who know them.
const FORMATS = ['docx', 'pdf', 'csv', 'md', 'json'];

/** ctx: {conn}; token: this facilitator's (the report needs it). */
export function createWrapup(ctx, { token }) {
  // Once the workshop has ended the end button is gone: the heading takes the focus then.
  const heading = h('h2', { id: 'wrapup-heading', tabindex: '-1' });
  const hint = h('p', { class: 'hint' });
  const reportBtns = FORMATS.map((f) => {
    const b = h('button', { type: 'button', class: 'secondary small', id: `report-${f}`, onclick: () => download(f) });
    b._format = f;
    return b;
  });
  const endBtn = h('button', { type: 'button', class: 'danger', id: 'end-btn', 'aria-haspopup': 'dialog',
    onclick: () => end() });
  const el = h('section', { class: 'panel', id: 'wrapup', 'aria-labelledby': 'wrapup-heading' },
    heading, hint, h('div', { class: 'actions' }, ...reportBtns), h('p', {}, endBtn));

  async function end() {
    const ended = await askToConfirm({ id: 'end', title: t('fac.endTitle'), body: t('fac.endBody'), note: t('fac.endFinal'),
      yes: t('fac.endYes'), no: t('fac.endCancel'), from: endBtn, fallback: () => heading,
      // The end button is going: the heading takes the focus.
      after: heading,
      // Already ended (another facilitator was quicker): that is what they asked for.
      run: () => ctx.conn.send('workshop.end').catch((err) => { if (err?.code !== ERR.ENDED) throw err; }) });
    if (ended) announce(t('ws.ended'));
  }

  async function download(format) {
    const id = ctx.conn.state?.workshop?.id;
    if (!id) return;
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(id)}/report?format=${format}&lang=${getLang()}`,
        { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) {
        let e = null;
        try { e = (await res.json()).error; } catch { /* not JSON */ }
        throw { code: res.status === 404 ? 'REPORT_MISSING' : e?.code ?? ERR.INTERNAL, message: e?.message };
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      // The server names the file for the workshop and its date (Content-Disposition).
      const named = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '');
      const a = h('a', { href: url, download: named ? named[1] : `common-ground-report-${id}.${format}` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(t('report.downloaded'));
    } catch (err) {
      showError(err.code ? err : { code: 'NETWORK' });
    }
  }

  function update(s) {
    setText(heading, t('wrapup.heading'));
    setText(hint, t('report.hint'));
    for (const b of reportBtns) setText(b, t(`report.${b._format}`));
    endBtn.hidden = s.workshop?.status === 'ended';
    setText(endBtn, t('fac.end'));
  }
  return { el, update };
}
