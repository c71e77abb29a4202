/* Thi Đua: on the logout page, forget every draft autosave.js kept in this browser
 * (localStorage keys "thidua:autosave:<key>", see the header of autosave.js): offices
 * share computers, and the next person must not find the last one's text. */
(function () {
  'use strict';
  const PREFIX = 'thidua:autosave:';
  try {
    for (let i = localStorage.length - 1; i >= 0; i -= 1) {
      const key = localStorage.key(i);
      if (key && key.indexOf(PREFIX) === 0) localStorage.removeItem(key);
    }
  } catch (e) { /* storage disabled: nothing was kept */ }
}());
