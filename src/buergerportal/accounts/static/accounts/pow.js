// Solves the login's proof-of-work (accounts/login_throttle.py): finds a nonce so that
// SHA-256("<challenge>:<nonce>") starts with the challenge's number of zero bits, then lets the
// form be sent. Without JavaScript the form works too, after the delay the page names.
(function () {
  "use strict";
  var challengeInput = document.querySelector("input[name=pow_challenge]");
  var nonceInput = document.querySelector("input[name=pow_nonce]");
  if (!challengeInput || !nonceInput || !challengeInput.value || !window.crypto || !crypto.subtle) {
    return;
  }
  var challenge = challengeInput.value;
  var bits = Number(challengeInput.getAttribute("data-bits") || "0");
  var encoder = new TextEncoder();

  function zeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { count += 8; continue; }
      var b = bytes[i];
      while ((b & 0x80) === 0) { count += 1; b <<= 1; }
      return count;
    }
    return count;
  }

  function attempt(start) {
    var jobs = [];
    for (var n = start; n < start + 256; n++) {
      jobs.push(crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + n)));
    }
    return Promise.all(jobs).then(function (digests) {
      for (var i = 0; i < digests.length; i++) {
        if (zeroBits(new Uint8Array(digests[i])) >= bits) {
          nonceInput.value = String(start + i);
          return true;
        }
      }
      return attempt(start + 256);
    });
  }

  attempt(0);
})();
