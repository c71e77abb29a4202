/* Thi Đua autosave: nothing an officer types in a long form is lost, even on a flaky line.
 * Progressive enhancement: without this script the form is an ordinary POST.
 * <form data-autosave-key="registration-12" (required) data-autosave-url="…/autosave/" (absent:
 * this device only) data-server-saved-at="ISO 8601" data-autosave-delay="1500" (ms)
 * data-msg-{saving,saved,local,offline,restored,conflict,error}="translated, {time}">, holding
 * input[name=version] and the CSRF input. Status: [data-autosave-status] in the form, or
 * [data-autosave-status="<form id>"]. Drafts: localStorage "thidua:autosave:<key>" =
 * {savedAt, version, values, conflict}. [data-autosave-clear="key …"] on a page drops drafts.
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
    let conflict = false; // after a 409 nothing more is sent until the page is reloaded
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
      const values = collect(form);
      lastJSON = JSON.stringify(values);
      unsaved = true;
      const version = versionInput ? versionInput.value : null;
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

    const draft = load(storageKey);
    const current = collect(form);
    lastJSON = JSON.stringify(current);
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
    restore(form, draft.values);
    lastJSON = JSON.stringify(collect(form));
    if (draft.conflict) {
      // Back to the version it was refused for: saving then shows the server's page with both
      // versions, instead of silently writing over the other person's save.
      if (versionInput) versionInput.value = draft.version;
      conflict = true;
      return show('conflict', msg('conflict'));
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
