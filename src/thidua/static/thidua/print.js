/* Thi Đua: a [data-print] button prints the page (no inline handler: the site's
 * Content-Security-Policy runs only scripts from its own files). */
(function () {
  'use strict';
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('[data-print]');
    if (button) window.print();
  });
}());
