// Re-ranks the candidates as the employer changes a weight or a dealbreaker: the ranking form is a plain GET, so this only
// fetches the same page for the new values and swaps the results in (the page works the same without it).
(function () {
  "use strict";
  var form = document.querySelector("form[data-rerank]");
  if (!form || !window.fetch || !window.DOMParser) return;
  var timer = null;
  var latest = 0;
  // A change event also fires when a field loses focus; ranking again by the same values would only close what is open.
  var ranked = query();

  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function rerank() {
    var inputs = form.querySelectorAll("input[type=number]");
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].checkValidity()) return; // the browser shows why; nothing to rank by yet
    }
    var values = query();
    if (values === ranked) return;
    ranked = values;
    var url = form.action + "?" + values;
    var mine = ++latest;
    var results = document.getElementById("candidate-results");
    if (results) results.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        if (mine !== latest) return; // a newer ranking is on its way
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("candidate-results");
        var current = document.getElementById("candidate-results");
        if (!fresh || !current) { window.location.assign(url); return; }
        current.replaceWith(fresh);
        history.replaceState(null, "", url);
        var status = fresh.querySelector("[data-rerank-status]");
        if (status) status.textContent = "Re-ranked: " + fresh.querySelectorAll("[data-testid=candidate]").length + " candidates shown.";
      })
      .catch(function () { window.location.assign(url); });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(rerank, 250);
  });
  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(rerank, 50);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    rerank();
  });
})();
