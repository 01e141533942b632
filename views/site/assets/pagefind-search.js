// The site's full-text search: Pagefind's UI from the site's own /pagefind/ folder. Pagefind fetches its index, so
// it needs a web server; opened from disk (file://) the page says to use each draft's own search instead.
(function () {
  'use strict';
  var box = document.getElementById('site-search');
  var note = document.getElementById('search-file-note');
  if (!box) return;
  if (location.protocol === 'file:') {
    if (note) note.hidden = false;
    return;
  }
  var bundle = new URL(box.dataset.bundle, location.href);
  var root = new URL(box.dataset.root, location.href);
  var css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = new URL('pagefind-ui.css', bundle).href;
  document.head.appendChild(css);
  var script = document.createElement('script');
  script.src = new URL('pagefind-ui.js', bundle).href;
  script.onload = function () {
    // eslint-disable-next-line no-undef
    new PagefindUI({
      element: '#site-search',
      bundlePath: bundle.pathname,
      baseUrl: root.pathname,
      showSubResults: true,
      showImages: false,
    });
    var params = new URLSearchParams(location.search);
    var q = params.get('q');
    var field = box.querySelector('input');
    if (q && field) {
      field.value = q;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };
  script.onerror = function () {
    if (note) note.hidden = false;
  };
  document.head.appendChild(script);
})();
