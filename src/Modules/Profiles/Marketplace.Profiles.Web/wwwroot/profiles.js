// Enhances the profile pages; each works without it (plain form round trips).
// - A skill picker: typing in [data-skill-suggest] asks the suggestions endpoint and offers a listbox (ARIA combobox);
//   picking one fills the hidden [data-skill-id] field, so the server adds exactly that skill.
// - The CV form: a file over the limit is flagged before it is sent, and reading shows that it is under way.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer = 0;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function enhancePicker(input) {
    var picker = input.closest('.skill-picker') || input.parentElement;
    var hidden = picker.querySelector('[data-skill-id]');
    var endpoint = input.getAttribute('data-skill-suggest');
    var listId = input.id + '-listbox';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'skill-listbox';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggested skills');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);
    var picked = document.createElement('span');
    picked.className = 'picked';
    picked.setAttribute('aria-live', 'polite');
    list.insertAdjacentElement('afterend', picked);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var items = [];
    var active = -1;
    var pending = null;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', items[index].id);
        items[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(index) {
      var li = items[index];
      if (!li) { return; }
      input.value = li.getAttribute('data-name');
      if (hidden) { hidden.value = li.getAttribute('data-id'); }
      picked.textContent = 'Picked: ' + li.getAttribute('data-name') + '.';
      close();
    }

    function render(suggestions) {
      list.textContent = '';
      items = suggestions.map(function (s, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-id', s.skill.id);
        li.setAttribute('data-name', s.skill.name);
        var name = document.createElement('span');
        name.textContent = s.skill.name;
        var hint = document.createElement('span');
        hint.className = 'hint';
        hint.textContent = s.matched !== s.skill.name ? s.skill.category + ' · “' + s.matched + '”' : s.skill.category;
        li.appendChild(name);
        li.appendChild(hint);
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
        return li;
      });
      if (items.length === 0) { close(); return; }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      highlight(-1);
    }

    var ask = debounce(function (text) {
      if (pending) { pending.abort(); }
      if (!text.trim()) { render([]); return; }
      pending = new AbortController();
      fetch(endpoint + '?limit=8&q=' + encodeURIComponent(text), { signal: pending.signal, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (suggestions) { if (input.value === text) { render(suggestions); } })
        .catch(function () { /* offline or aborted: the form still works without suggestions */ });
    }, 120);

    input.addEventListener('input', function () {
      if (hidden) { hidden.value = ''; }
      picked.textContent = '';
      ask(input.value);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) { return; }
      if (e.key === 'ArrowDown') { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === 'Escape') { close(); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  function enhanceReading(form) {
    var file = form.querySelector('input[type=file][data-max-bytes]');
    var error = form.querySelector('[data-upload-error]');
    var status = form.querySelector('[data-reading-status]');
    var button = form.querySelector('button[type=submit]');
    if (file && error) {
      file.addEventListener('change', function () {
        var max = parseInt(file.getAttribute('data-max-bytes'), 10);
        error.textContent = file.files.length && file.files[0].size > max
          ? 'The file is larger than 5 MB. Save a smaller PDF (without images), or paste the text.'
          : '';
      });
    }
    form.addEventListener('submit', function (e) {
      if (error && error.textContent && file && file.files.length && file.files[0].size > parseInt(file.getAttribute('data-max-bytes'), 10)) {
        e.preventDefault();
        return;
      }
      if (status) { status.textContent = 'Reading your CV and finding its skills…'; }
      if (button) { button.disabled = true; }
    });
  }

  document.querySelectorAll('input[data-skill-suggest]').forEach(enhancePicker);
  document.querySelectorAll('form[data-reading-form]').forEach(enhanceReading);
})();
