// Follows a running full rematch on /Admin/Matching (the page works without this: reload it). Loaded as a file: the CSP
// allows no inline script. Polls the page's Progress handler once a second and moves the bar; when the run is done, the
// page is loaded again so the chart of durations includes it.
(function () {
  'use strict';
  var section = document.getElementById('current-run');
  if (!section || section.getAttribute('data-following') !== 'true') return;
  var url = section.getAttribute('data-progress-url');
  var awaited = section.getAttribute('data-run');

  function show(run) {
    var bar = section.querySelector('progress');
    var percent = section.querySelector('[data-testid="progress-percent"]');
    var text = section.querySelector('[data-testid="progress-text"]');
    if (!bar || !percent) { window.location.reload(); return false; }
    bar.max = run.batches;
    bar.value = run.batchesDone;
    bar.textContent = run.percent + ' %';
    percent.textContent = run.percent + ' %';
    if (text) text.textContent = run.text;
    return true;
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (state) {
        if (state.waiting || !state.run) { setTimeout(poll, 1000); return; }
        if (awaited && state.run.id !== awaited) { setTimeout(poll, 1000); return; }
        if (section.querySelector('progress') === null) { window.location.replace(window.location.pathname + '?run=' + state.run.id); return; }
        if (!show(state.run)) return;
        if (state.run.finished) { window.location.replace(window.location.pathname); return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }

  setTimeout(poll, 1000);
})();
