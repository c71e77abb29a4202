/* Thi Đua autosave: nothing an officer types in a long form is lost, even on a flaky line.
 * Progressive enhancement: without this script the form is an ordinary POST.
 * <form data-autosave-key="registration-12" (required) data-autosave-url="…/autosave/" (absent:
 * this device only) data-server-saved-at="ISO 8601" data-autosave-delay="1500" (ms)
 * data-autosave-based-on="7" (when the server sends typed text back: the version it was typed
 * on; other than input[name=version] on the server's page for a stale save)
 * data-msg-{saving,saved,local,offline,restored,conflict,error,choose,theirs,keep,take}=
 * "translated, {time}">, holding input[name=version] and the CSRF input. Status:
 * [data-autosave-status] in the form, or [data-autosave-status="<form id>"]. Drafts:
 * localStorage "thidua:autosave:<key>" = {savedAt, version, values, conflict}, version being
 * the one the text was typed on. [data-autosave-clear="key …"] on a page drops drafts;
 * [data-autosave-discard="key"] drops the draft when clicked ("take their version").
 * A conflict (someone saved a newer version) is never saved over: the person chooses.
 * Formsets: [data-formset] holds Django's management form, [data-formset-rows], a
 * <template data-formset-empty> (the empty form) and a [data-formset-add] button.
 */
(function () {
  'use strict';

  const PREFIX = 'thidua:autosave:';
  const SKIP_NAMES = ['version', 'csrfmiddlewaretoken'];
  // Hidden inputs are the server's, not typed; passwords never go to localStorage.
  const SKIP_TYPES = ['file', 'hidden', 'password', 'submit', 'button', 'reset', 'image'];
  const FALLBACK = {
    saving: 'Saving…',
    saved: 'Saved at {time}',
    local: 'Kept on this device at {time}',
    offline: 'Offline: your text is kept on this device and will be saved when back online',
    restored: 'Restored unsaved text from last time',
    conflict: 'Someone else saved this form meanwhile; your text is kept on this device',
    error: 'Could not save; your text is kept on this device',
    choose: 'Someone else saved a newer version: nothing is saved until you choose',
    theirs: 'The version saved by someone else',
    keep: 'Keep my version',
    take: 'Take their version',
  };
  const FETCH_TIMEOUT_MS = 30000; // a request hanging on a bad line must not block later saves
  const LOCK_MS = 10000; // submit buttons stay disabled this long after a real submit
  const FIRST_RETRY_MS = 10000; // after a network failure or a 5xx; doubles up to 2 minutes

  // localStorage throws in private mode, when full or disabled: saving to the server goes on.
  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function keep(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* server only */ }
  }
  function drop(key) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
  }

  function tracked(el) {
    return Boolean(el.name) && !el.disabled && SKIP_NAMES.indexOf(el.name) < 0 &&
      /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && SKIP_TYPES.indexOf(el.type) < 0;
  }

  // {name: value}. Checkboxes are always the list of checked values, so a group and a lone
  // checkbox restore alike; a multiple select is the list of selected values.
  function collect(form) {
    const values = {};
    Array.prototype.filter.call(form.elements, tracked).forEach((el) => {
      if (el.type === 'checkbox') {
        values[el.name] = (values[el.name] || []).concat(el.checked ? [el.value] : []);
      } else if (el.type === 'radio') {
        if (el.checked || !(el.name in values)) values[el.name] = el.checked ? el.value : '';
      } else if (el.type === 'select-multiple') {
        values[el.name] = Array.from(el.selectedOptions, (option) => option.value);
      } else values[el.name] = el.value;
    });
    return values;
  }

  // Sets values without firing events: restoring is not an edit.
  function restore(form, values) {
    Array.prototype.filter.call(form.elements, tracked).forEach((el) => {
      if (!(el.name in values)) return;
      const value = values[el.name];
      const list = [].concat(value).map(String);
      if (el.type === 'checkbox') el.checked = list.indexOf(el.value) >= 0;
      else if (el.type === 'radio') el.checked = el.value === value;
      else if (el.tagName === 'SELECT') {
        Array.from(el.options).forEach((o) => { o.selected = list.indexOf(o.value) >= 0; });
      } else el.value = value;
    });
  }

  // Django reads a formset's rows up to its TOTAL_FORMS: a row added here must be counted
  // there, or what is typed in it is left out of every save.
  function addRow(box) {
    const total = box.querySelector('input[name$="-TOTAL_FORMS"]');
    const max = box.querySelector('input[name$="-MAX_NUM_FORMS"]');
    const template = box.querySelector('template[data-formset-empty]');
    const rows = box.querySelector('[data-formset-rows]');
    const index = parseInt(total.value, 10);
    if (!template || !rows || (max && index >= parseInt(max.value, 10))) return null;
    rows.insertAdjacentHTML('beforeend', template.innerHTML.replace(/__prefix__/g, index));
    total.value = String(index + 1);
    return rows.lastElementChild;
  }

  function setUpRows(form) {
    form.querySelectorAll('[data-formset]').forEach((box) => {
      const button = box.querySelector('[data-formset-add]');
      if (!button) return;
      button.hidden = false; // without this script the page's blank rows are all there is
      button.addEventListener('click', () => {
        const row = addRow(box);
        if (!row) button.disabled = true;
        else if (row.querySelector('input, textarea')) row.querySelector('input, textarea').focus();
      });
    });
  }

  // A draft may hold rows this page does not have yet (added, not saved): add them first.
  function addRowsFor(form, values) {
    form.querySelectorAll('[data-formset]').forEach((box) => {
      const total = box.querySelector('input[name$="-TOTAL_FORMS"]');
      const prefix = total.name.replace(/TOTAL_FORMS$/, '');
      const needed = Object.keys(values).reduce((most, name) => {
        const row = name.startsWith(prefix) && /^(\d+)-/.exec(name.slice(prefix.length));
        return row ? Math.max(most, Number(row[1]) + 1) : most;
      }, 0);
      while (parseInt(total.value, 10) < needed && addRow(box));
    });
  }

  function isEmpty(value) {
    return value === undefined || value === '' || (Array.isArray(value) && !value.length);
  }

  function same(a, b) {
    return (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);
  }

  // What a person reads for a field: its label (a group's legend), the row number in a
  // formset, and choices by their labels rather than their codes.
  function labelOf(form, name) {
    const el = Array.prototype.find.call(form.elements, (e) => e.name === name);
    const group = el && (el.type === 'radio' || el.type === 'checkbox') && el.closest('fieldset');
    const label = group ? group.querySelector('legend') :
      el && el.id && form.querySelector('label[for="' + el.id + '"]');
    const text = label ? label.textContent.replace(/\*\s*$/, '').trim() : name;
    const row = /-(\d+)-[^-]+$/.exec(name);
    return row ? text + ' (' + (Number(row[1]) + 1) + ')' : text;
  }

  function shown(form, name, value) {
    const choices = Array.prototype.filter.call(form.elements, (e) => e.name === name);
    const chosen = [].concat(value).map((v) => {
      const el = choices.find((e) => (e.type === 'radio' || e.type === 'checkbox') && e.value === v);
      const label = el && el.id && form.querySelector('label[for="' + el.id + '"]');
      const option = choices[0] && choices[0].tagName === 'SELECT' &&
        Array.from(choices[0].options).find((o) => o.value === v);
      return (label && label.textContent.trim()) || (option && option.textContent.trim()) || v;
    });
    return chosen.filter(Boolean).join('; ');
  }

  function clock(date) {
    return [date.getHours(), date.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
  }

  function init(form) {
    const key = form && form.getAttribute('data-autosave-key');
    if (!key || form.hasAttribute('data-autosave-ready')) return;
    form.setAttribute('data-autosave-ready', '');
    const storageKey = PREFIX + key;
    const url = form.getAttribute('data-autosave-url');
    const delay = parseInt(form.getAttribute('data-autosave-delay'), 10) || 1500;
    const versionInput = form.querySelector('input[name="version"]');
    const csrfInput = form.querySelector('input[name="csrfmiddlewaretoken"]');
    const status = form.querySelector('[data-autosave-status]') ||
      (form.id && document.querySelector('[data-autosave-status="' + form.id + '"]'));
    let edits = 0; // counts edits: a save answered after newer typing must keep the draft
    let lastJSON = ''; // the values last written, to ignore events that change nothing
    let timer = null; // the debounce
    let retryTimer = null;
    let retryDelay = FIRST_RETRY_MS;
    let inflight = false; // one save at a time: each must carry the version the last returned
    let again = false; // a save was asked for while one was in flight
    let unsaved = false; // the server may lack what the local draft holds
    let conflict = false; // after a 409 nothing is sent until the person chooses a version
    let base = null; // in a conflict: the version this person's text was typed on
    let discarded = false; // "take their version": the draft is gone for good
    let sticky = ''; // the "restored" note, kept before later messages until the next edit
    let locked = false; // a real submit is under way
    let lockTimer = null;
    let deferredSubmit = null;

    function msg(name, time = '') {
      return (form.getAttribute('data-msg-' + name) || FALLBACK[name]).replace('{time}', time);
    }

    function show(state, text) {
      if (!status) return;
      status.textContent = sticky && sticky !== text ?
        sticky.replace(/[\s.!…]+$/, '') + '. ' + text : text;
      status.setAttribute('data-autosave-state', state);
    }

    function snapshot() {
      if (discarded) return;
      const values = collect(form);
      lastJSON = JSON.stringify(values);
      unsaved = true;
      const version = conflict ? base : versionInput && versionInput.value;
      keep(storageKey, { savedAt: new Date().toISOString(), version, values, conflict });
    }

    function flush() {
      clearTimeout(timer);
      timer = null;
      snapshot();
      if (!url) show('local', msg('local', clock(new Date())));
      else if (!locked) save();
    }

    function answered(response, data, sent) {
      if (response.ok && data.version !== undefined) {
        if (versionInput) versionInput.value = data.version;
        if (data.saved_at) form.setAttribute('data-server-saved-at', data.saved_at);
        if (edits === sent) {
          unsaved = false;
          drop(storageKey);
        }
        retryDelay = FIRST_RETRY_MS;
        show('saved', msg('saved', data.saved_at_display || clock(new Date())));
      } else if (response.status === 409) {
        conflict = true; // a stale version: sending again would only be refused again
        base = versionInput ? versionInput.value : null;
        snapshot(); // marked and dated after their save, so that a reload cannot drop it
        show('conflict', data.message || msg('conflict'));
      } else {
        // 400 (draft refused), 403 (session or CSRF gone), a login page (200, not JSON), 5xx.
        show('error', msg('error'));
        if (response.status >= 500) retryLater();
      }
    }

    function retryLater() {
      retryTimer = setTimeout(save, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 120000);
    }

    function save() {
      clearTimeout(retryTimer);
      if (conflict) return;
      if (!navigator.onLine) return show('offline', msg('offline'));
      if (inflight) { again = true; return; }
      inflight = true;
      const sent = edits;
      const body = new FormData(form);
      Array.prototype.forEach.call(form.elements, (el) => {
        if (el.type === 'file' && el.name) body.delete(el.name);
      });
      const headers = { 'X-Requested-With': 'XMLHttpRequest' };
      if (csrfInput) headers['X-CSRFToken'] = csrfInput.value;
      const abort = window.AbortController ? new AbortController() : null;
      const timeout = abort && setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timeout);
        inflight = false;
        if (deferredSubmit) deferredSubmit();
        else if (again) { again = false; save(); }
      };
      show('saving', msg('saving'));
      fetch(url, {
        method: 'POST', body, headers, credentials: 'same-origin', cache: 'no-store',
        signal: abort ? abort.signal : undefined,
      }).then(
        (response) => response.json().catch(() => ({}))
          .then((data) => answered(response, data, sent)),
        () => { show('offline', msg('offline')); retryLater(); },
      ).then(done, done);
    }

    function edited(event) {
      if (!tracked(event.target)) return;
      // 'change' after 'input', or typing then deleting, changes nothing: send nothing.
      if (!timer && JSON.stringify(collect(form)) === lastJSON) return;
      edits += 1;
      sticky = '';
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    }

    function setLocked(on) {
      locked = on;
      clearTimeout(lockTimer);
      Array.prototype.forEach.call(form.elements, (el) => {
        if (el.type !== 'submit' && el.type !== 'image') return;
        if (on && !el.disabled) {
          el.disabled = true;
          el.setAttribute('aria-disabled', 'true');
        } else if (!on && el.getAttribute('aria-disabled') === 'true') {
          el.disabled = false; // only the buttons this script disabled
          el.removeAttribute('aria-disabled');
        }
      });
      if (on) lockTimer = setTimeout(setLocked, LOCK_MS, false);
    }

    function submitted(event) {
      if (locked) return event.preventDefault(); // a double tap, or Enter pressed again
      locked = true;
      if (conflict && versionInput && versionInput.value !== base) {
        // Saving on the page that shows both versions sends the newer one's number: the person
        // chose to keep their text. Should this POST be lost, the draft is theirs to save.
        conflict = false;
        snapshot();
      }
      // The draft is not dropped: the next page's data-server-saved-at tells if it is stale.
      // Typed since the last draft: keep it too, in case this POST never reaches the server.
      if (timer) {
        clearTimeout(timer);
        timer = null;
        snapshot();
      }
      const submitter = event.submitter; // undefined before Chrome 81: sent without the button
      if (!inflight) {
        // Disabled now, the clicked button would drop out of the data being sent: wait until
        // the browser has built it. Another script may also have cancelled this submit.
        setTimeout(() => setLocked(!event.defaultPrevented), 0);
        return;
      }
      // The autosave under way will change the row version: submitting now would send the old
      // one and be refused as stale. Submit when it has answered, with the new version.
      event.preventDefault();
      setLocked(true);
      deferredSubmit = () => {
        deferredSubmit = null;
        // form.submit() sends no submitter and fires no submit event: carry the button along.
        if (submitter && submitter.name) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = submitter.name;
          input.value = submitter.value;
          form.appendChild(input);
        }
        HTMLFormElement.prototype.submit.call(form);
      };
    }

    form.addEventListener('input', edited);
    form.addEventListener('change', edited);
    form.addEventListener('submit', submitted);
    window.addEventListener('online', () => { if (url && (unsaved || timer)) flush(); });
    window.addEventListener('offline', () => {
      if (url && (unsaved || timer) && !conflict) show('offline', msg('offline'));
    });
    // Android kills background tabs without warning: keep the last keystrokes before a switch.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && timer) flush();
    });
    // Back on this page from the browser's cache: the earlier submit is over.
    window.addEventListener('pageshow', (event) => { if (event.persisted) setLocked(false); });

    document.querySelectorAll('[data-autosave-discard]').forEach((el) => {
      if (el.getAttribute('data-autosave-discard') !== key) return;
      el.addEventListener('click', () => {
        clearTimeout(timer);
        timer = null;
        discarded = true;
        drop(storageKey);
      });
    });

    function choose(keepMine, version, theirs, panel) {
      panel.remove();
      if (versionInput) versionInput.value = version;
      conflict = false;
      if (keepMine) return flush();
      const blank = {};
      Object.keys(collect(form)).forEach((name) => { blank[name] = ''; });
      restore(form, Object.assign(blank, theirs));
      lastJSON = JSON.stringify(collect(form));
      unsaved = false;
      drop(storageKey);
      show('', '');
    }

    // A reload after a conflict: this person's text goes back in the fields, the newer
    // version the page came with is listed above them, and nothing is saved until they choose.
    function offerChoice(theirs, version) {
      const mine = collect(form);
      const panel = document.createElement('section');
      panel.className = 'panel conflict';
      panel.setAttribute('data-autosave-choice', '');
      const title = document.createElement('h2');
      title.textContent = msg('theirs');
      const list = document.createElement('dl');
      list.className = 'facts facts--stacked';
      Object.keys(Object.assign({}, theirs, mine)).forEach((name) => {
        if (same(theirs[name], mine[name])) return;
        const term = document.createElement('dt');
        term.textContent = labelOf(form, name);
        const text = document.createElement('dd');
        text.textContent = shown(form, name, theirs[name] || '') || '—';
        text.style.whiteSpace = 'pre-line';
        list.append(term, text);
      });
      const actions = document.createElement('div');
      actions.className = 'actions'; // not the form's sticky bar: these belong to the panel
      [['keep', true, 'button button--primary'], ['take', false, 'button']].forEach((b) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = b[2];
        button.textContent = msg(b[0]);
        button.setAttribute('data-autosave-' + b[0], '');
        button.addEventListener('click', () => choose(b[1], version, theirs, panel));
        actions.append(button);
      });
      panel.append(title, list, actions);
      if (status) status.after(panel);
      else form.prepend(panel);
    }

    setUpRows(form);
    const draft = load(storageKey);
    const current = collect(form);
    lastJSON = JSON.stringify(current);
    const basedOn = form.getAttribute('data-autosave-based-on');
    if (versionInput && basedOn && basedOn !== versionInput.value) {
      // The server's page for a stale save: this person's text in the fields, the newer
      // version beside it. Their text stays refused as stale until they choose.
      conflict = true;
      base = basedOn;
      snapshot();
      return show('conflict', msg('choose'));
    }
    if (!draft || !draft.values) return;
    const serverAt = Date.parse(form.getAttribute('data-server-saved-at') || '');
    // A draft refused as stale is this person's text: kept whatever the dates. Phone clocks
    // can be wrong: a draft made on top of the very version this page shows holds edits the
    // server has not seen, whatever the clocks say.
    const newer = draft.conflict || (versionInput && draft.version === versionInput.value) ||
      isNaN(serverAt) || Date.parse(draft.savedAt) > serverAt;
    if (!newer) return drop(storageKey);
    unsaved = true;
    // Already on the page (a form sent back with errors, the server's page showing both
    // versions): keep the draft, say nothing; a conflict it recorded is now dealt with.
    if (Object.keys(draft.values).every((name) => !(name in current) ||
        JSON.stringify(draft.values[name]) === JSON.stringify(current[name]))) {
      return draft.conflict && snapshot();
    }
    addRowsFor(form, draft.values);
    restore(form, draft.values);
    lastJSON = JSON.stringify(collect(form));
    if (draft.conflict && versionInput && draft.version !== versionInput.value) {
      // Back to the version it was refused for: the form's own buttons then show the server's
      // page with both versions, instead of silently writing over the other person's save.
      const version = versionInput.value;
      versionInput.value = draft.version;
      conflict = true;
      base = draft.version;
      offerChoice(current, version);
      return show('conflict', msg('choose'));
    }
    sticky = msg('restored');
    show('restored', sticky);
    if (url) save();
  }

  function initAll() {
    document.querySelectorAll('[data-autosave-clear]').forEach((el) => {
      el.getAttribute('data-autosave-clear').split(/\s+/).forEach((k) => k && drop(PREFIX + k));
    });
    document.querySelectorAll('form[data-autosave-key]').forEach(init);
  }

  window.ThiDuaAutosave = { init };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initAll);
  else initAll();
}());
