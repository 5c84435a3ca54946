// Progressive enhancement of the waiting room: the page works without this script.
// 1. Joining: solve the ALTCHA proof of work (SHA-256 of salt + number) before sending.
// 2. Waiting: ask for news when the server says (retry_after seconds: soon at the front of the
//    queue, up to a minute further back) and update the text without a reload.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "de";
  var de = lang.indexOf("de") === 0;

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  async function solve(form) {
    var d = form.dataset, encoder = new TextEncoder(), max = parseInt(d.maxnumber, 10);
    for (var n = 0; n <= max; n += 1) {
      var digest = await crypto.subtle.digest("SHA-256", encoder.encode(d.salt + n));
      if (hex(digest) === d.challenge) {
        return btoa(JSON.stringify({algorithm: d.algorithm, challenge: d.challenge,
          number: n, salt: d.salt, signature: d.signature}));
      }
    }
    return "";
  }

  var form = document.getElementById("join-form");
  if (form && window.crypto && crypto.subtle) {
    form.addEventListener("submit", function (event) {
      var field = document.getElementById("id_altcha");
      if (field.value) { return; }
      event.preventDefault();
      var progress = document.getElementById("join-progress");
      progress.textContent = de ? "Sicherheitsprüfung läuft …" : "Running the security check …";
      solve(form).then(function (payload) {
        field.value = payload;
        progress.textContent = de ? "Geprüft, Sie werden eingereiht." : "Checked, joining the queue.";
        form.submit();
      });
    });
  }

  var box = document.getElementById("room-status");
  if (!box || !window.fetch) { return; }
  var text = document.getElementById("room-text");
  var book = document.getElementById("room-book");
  function describe(s) {
    if (s.admitted) {
      return de ? "Sie sind an der Reihe. Wählen Sie jetzt einen Kurs." : "It is your turn. Choose a course now.";
    }
    if (s.drawing) {
      return de ? "Sie sind im Warteraum. Die Reihenfolge wird ausgelost; bisher sind " + s.in_room + " Personen hier."
                : "You are in the waiting room. The order is drawn by lot; " + s.in_room + " people are here so far.";
    }
    return de ? "Ihr Platz in der Warteschlange: " + s.position + ". Voraussichtliche Wartezeit: höchstens " + s.wait_minutes + " Minuten."
              : "Your place in the queue: " + s.position + ". Expected wait: at most " + s.wait_minutes + " minutes.";
  }
  function later(seconds) {
    window.setTimeout(poll, Math.max(parseInt(seconds, 10) || 30, 1) * 1000);
  }
  function poll() {
    fetch(box.dataset.url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) {
        if (r.ok) { return r.json(); }
        later(r.headers.get("Retry-After"));  // too many requests or a failure: ask again later
        return null;
      })
      .then(function (s) {
        if (!s) { return; }
        var sentence = describe(s);
        if (text.textContent.trim() !== sentence) { text.textContent = sentence; }
        book.hidden = !s.admitted;
        if (!s.admitted) { later(s.retry_after); }
      })
      .catch(function () { later(30); });
  }
  if (book.hidden) { later(box.dataset.retryAfter); }
})();
