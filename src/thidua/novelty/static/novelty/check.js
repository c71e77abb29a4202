/* Thi Đua novelty check while a registration is drafted: as the officer types the name or the
 * short description, the earlier initiatives most like it are shown under the description.
 * Debounced (800 ms after the last key), one request at a time, an older answer never
 * replaces a newer one; typing never waits on it. Without this script nothing is shown and
 * the registration is checked when it is sent.
 * <div class="novelty-draft" data-novelty-url="…" data-novelty-registration="12"
 *  data-msg-{title,flagged,similarity}="translated"> in a page holding #id_name, #id_summary.
 */
(function () {
  'use strict';

  const DELAY = 800;
  const box = document.querySelector('.novelty-draft[data-novelty-url]');
  if (!box) return;
  const name = document.getElementById('id_name');
  const summary = document.getElementById('id_summary');
  if (!name) return;
  let timer = null;
  let asked = 0;
  let lastQuery = '';

  function text(tag, value, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  function show(answer) {
    box.replaceChildren();
    if (!answer.findings || !answer.findings.length) {
      box.hidden = true;
      return;
    }
    box.appendChild(text('h3', box.dataset.msgTitle || 'Earlier initiatives like this one'));
    if (answer.flagged) {
      box.appendChild(text('p', box.dataset.msgFlagged || '', 'message message--warning'));
    }
    const list = document.createElement('ol');
    list.className = 'novelty-findings';
    for (const finding of answer.findings) {
      const item = document.createElement('li');
      if (finding.flagged) item.className = 'novelty-findings__flagged';
      const title = document.createElement('strong');
      title.innerHTML = finding.title; // escaped by the server, <mark> around shared words
      item.appendChild(title);
      const where = [finding.unit, finding.year, finding.status,
        (box.dataset.msgSimilarity || 'similarity') + ' ' + finding.percent + '%'];
      item.appendChild(text('span', ' ' + where.filter(Boolean).join(' · '), 'muted'));
      list.appendChild(item);
    }
    box.appendChild(list);
    box.hidden = false;
  }

  function ask() {
    const query = name.value + '\n' + (summary ? summary.value : '');
    if (query === lastQuery) return;
    lastQuery = query;
    const params = new URLSearchParams({ name: name.value, summary: summary ? summary.value : '' });
    if (box.dataset.noveltyRegistration) params.set('registration', box.dataset.noveltyRegistration);
    const number = ++asked;
    fetch(box.dataset.noveltyUrl + '?' + params.toString(), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((answer) => {
        if (answer && number === asked) show(answer);
      })
      .catch(() => {}); // offline: the check runs again when the registration is sent
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY);
  }

  name.addEventListener('input', later);
  if (summary) summary.addEventListener('input', later);
  if (name.value) ask();
})();
