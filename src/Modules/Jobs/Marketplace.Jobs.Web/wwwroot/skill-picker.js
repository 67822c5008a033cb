// Progressive enhancement of the skill fields (they work without this script): suggestions as you type, from the
// taxonomy's names and aliases, and "More rows" without a round trip. Loaded as a file: the CSP allows no inline script.
(function () {
  'use strict';
  // The profiles' picker asks the same endpoint, so a posting and a profile resolve what people type alike.
  var endpoint = '/api/v1/skills/suggestions?limit=8&q=';

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments, self = this;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  // A comma-separated field (the search's skills) gets suggestions for its last part, offered with the parts before it.
  function suggest(input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var value = input.value;
    var cut = value.lastIndexOf(',');
    var before = cut >= 0 ? value.slice(0, cut + 1) + ' ' : '';
    var typed = value.slice(cut + 1).trim();
    if (typed.length < 1) { list.replaceChildren(); return; }
    fetch(endpoint + encodeURIComponent(typed), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (suggestions) {
        list.replaceChildren.apply(list, suggestions.map(function (suggestion) {
          var option = document.createElement('option');
          option.value = before + suggestion.skill.name;
          return option;
        }));
      })
      .catch(function () { /* Suggestions are a convenience: the form still works. */ });
  }

  function wire(input) {
    input.addEventListener('input', debounce(function () { suggest(input); }, 150));
  }

  document.querySelectorAll('[data-skill-input]').forEach(wire);

  // "More rows": a copy of the last skill row, emptied and numbered after it.
  document.querySelectorAll('[data-more-rows]').forEach(function (button) {
    button.addEventListener('click', function (event) {
      var rows = document.querySelectorAll('[data-skill-row]');
      if (rows.length === 0) return;
      event.preventDefault();
      var last = rows[rows.length - 1];
      var index = rows.length;
      var copy = last.cloneNode(true);
      copy.querySelectorAll('[name], [id], [for], [data-valmsg-for]').forEach(function (element) {
        ['name', 'id', 'for', 'data-valmsg-for'].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value) element.setAttribute(attribute, value.replace(/Skills([\[_])\d+/, 'Skills$1' + index));
        });
      });
      copy.querySelectorAll('label').forEach(function (label) {
        label.childNodes.forEach(function (node) {
          if (node.nodeType === 3) node.textContent = node.textContent.replace(/Skill \d+/, 'Skill ' + (index + 1));
        });
      });
      copy.querySelectorAll('input[type=text]').forEach(function (input) { input.value = ''; });
      copy.querySelectorAll('input[type=checkbox]').forEach(function (input) { input.checked = false; });
      copy.querySelectorAll('.field-error, .hint').forEach(function (element) { element.textContent = ''; });
      last.after(copy);
      copy.querySelectorAll('[data-skill-input]').forEach(wire);
      copy.querySelector('[data-skill-input]').focus();
    });
  });
})();
