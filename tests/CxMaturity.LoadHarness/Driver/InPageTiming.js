// Injected before the page's own scripts. Times each answer in the page itself, from the click on a radio to the
// moment its save indicator reads Saved (or Failed) for that click, so that none of the harness's own latency
// counts. The indicator's data-version counts the changes made to the answer on the page, so a "Saved" that
// follows an earlier "Saved" is told apart.
(() => {
  if (window.__cx) return;
  const results = [];
  const pending = new Map();   // question id -> { start, seq, saving }
  const settled = new Map();   // question id -> last settled result
  const waiters = new Map();   // question id -> [{ seq, resolve }]
  const clicks = new Map();    // question id -> clicks so far
  const option = /^option-(.+)-([1-5]|na)$/;

  window.addEventListener('click', event => {
    const start = performance.now();
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    const match = option.exec(target.getAttribute('data-testid') || '');
    if (!match) return;
    const seq = (clicks.get(match[1]) || 0) + 1;
    clicks.set(match[1], seq);
    pending.set(match[1], { start, seq, saving: null });
  }, true);

  const observer = new MutationObserver(records => {
    const now = performance.now();
    for (const record of records) {
      const testId = record.target.getAttribute && record.target.getAttribute('data-testid');
      if (!testId || !testId.startsWith('saved-')) continue;
      const qid = testId.substring('saved-'.length);
      const open = pending.get(qid);
      if (!open) continue;
      const state = record.target.getAttribute('data-state');
      const version = Number(record.target.getAttribute('data-version') || '0');
      if (version < open.seq) continue;
      if (state === 'Saving' && open.saving === null) open.saving = now - open.start;
      if (state !== 'Saved' && state !== 'Failed') continue;
      pending.delete(qid);
      const result = { qid, seq: open.seq, ms: now - open.start, savingMs: open.saving, state };
      results.push(result);
      settled.set(qid, result);
      for (const waiter of (waiters.get(qid) || []).filter(w => w.seq <= open.seq)) waiter.resolve(result);
      waiters.set(qid, (waiters.get(qid) || []).filter(w => w.seq > open.seq));
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-version'] });

  window.__cx = {
    results,
    // Resolves with the timing of the latest click on the question once it has settled, or null after the timeout.
    waitSettled(qid, timeoutMs) {
      const seq = clicks.get(qid) || 0;
      const done = settled.get(qid);
      if (seq === 0) return Promise.resolve({ qid, seq, ms: -1, savingMs: null, state: 'NoClick' });
      if (done && done.seq >= seq) return Promise.resolve(done);
      return new Promise(resolve => {
        const list = waiters.get(qid) || [];
        list.push({ seq, resolve });
        waiters.set(qid, list);
        setTimeout(() => resolve(null), timeoutMs);
      });
    },
  };
})();
