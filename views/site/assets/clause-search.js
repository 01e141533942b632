// The in-page search of a draft's clauses: it reads the draft on the page itself (no fetch, no index file), so it
// works from a folder opened on disk as well as from a web server. Each block with a clause ID is a hit when its
// text holds every word of the query (case-insensitive; Chinese is matched as typed).
(function () {
  'use strict';
  var form = document.querySelector('form.clause-search');
  var input = document.getElementById('clause-q');
  var count = document.getElementById('clause-count');
  var list = document.getElementById('clause-hits');
  if (!form || !input || !count || !list) return;
  var LIMIT = 50;
  var blocks = null;
  function textOf(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll('button, [popover]').forEach(function (b) {
      b.remove();
    });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }
  function numberOf(el) {
    var own = el.querySelector('.clause-num');
    if (own) return own.textContent.trim();
    var at = el;
    while (at) {
      var prev = at.previousElementSibling;
      while (prev) {
        if (/^H[2-6]$/.test(prev.tagName)) {
          var num = prev.querySelector('.clause-num');
          return num ? num.textContent.trim() : textOf(prev).slice(0, 24);
        }
        prev = prev.previousElementSibling;
      }
      at = at.parentElement;
      if (at && at.matches('article.standard')) break;
    }
    return '';
  }
  function index() {
    if (blocks) return blocks;
    blocks = [];
    document.querySelectorAll('article.standard [id^="c-"]').forEach(function (el) {
      var text = textOf(el);
      if (text) blocks.push({ id: el.id, text: text, lower: text.toLowerCase(), el: el });
    });
    return blocks;
  }
  function fill(template, value) {
    return template.replace('{count}', String(value));
  }
  function search() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    list.textContent = '';
    if (words.length === 0) {
      count.textContent = '';
      return;
    }
    var hits = index().filter(function (b) {
      return words.every(function (w) {
        return b.lower.indexOf(w) >= 0;
      });
    });
    count.textContent = hits.length ? fill(form.dataset.hits, hits.length) : form.dataset.none;
    hits.slice(0, LIMIT).forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = '#' + hit.id;
      var num = numberOf(hit.el);
      var at = hit.lower.indexOf(words[0]);
      var start = Math.max(0, at - 40);
      var snippet =
        (start > 0 ? '…' : '') + hit.text.slice(start, start + 160) + (start + 160 < hit.text.length ? '…' : '');
      if (num) {
        var strong = document.createElement('strong');
        strong.textContent = num + ' ';
        a.appendChild(strong);
      }
      a.appendChild(document.createTextNode(snippet));
      li.appendChild(a);
      list.appendChild(li);
    });
    if (hits.length > LIMIT) {
      var more = document.createElement('li');
      more.className = 'muted';
      more.textContent = fill(form.dataset.more, LIMIT);
      list.appendChild(more);
    }
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener('input', search);
})();
