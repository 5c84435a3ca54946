/* Progressive enhancement for /pruefen/: read the permit's QR code with the camera.
   Without JavaScript or a camera the page works by pasting the code. */
(function () {
  "use strict";
  var box = document.getElementById("scanner");
  var form = document.getElementById("verify-form");
  if (!box || !form || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var startButton = document.getElementById("scanner-start");
  var video = document.getElementById("scanner-video");
  var status = document.getElementById("scanner-status");
  var field = form.querySelector("textarea[name=code]");
  var canvas = document.createElement("canvas");
  var detector = "BarcodeDetector" in window ? new window.BarcodeDetector({ formats: ["qr_code"] }) : null;
  var stream = null;
  box.hidden = false;

  function stop() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); }
    stream = null;
    video.hidden = true;
  }

  function found(text) {
    stop();
    field.value = text;
    status.textContent = box.dataset.found || "";
    form.submit();
  }

  function scanFrame() {
    if (!stream) { return; }
    if (video.readyState < 2) { window.requestAnimationFrame(scanFrame); return; }
    if (detector) {
      detector.detect(video).then(function (codes) {
        if (codes.length) { found(codes[0].rawValue); } else { window.requestAnimationFrame(scanFrame); }
      }).catch(function () { detector = null; window.requestAnimationFrame(scanFrame); });
      return;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    var context = canvas.getContext("2d");
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    var image = context.getImageData(0, 0, canvas.width, canvas.height);
    var code = window.jsQR ? window.jsQR(image.data, image.width, image.height) : null;
    if (code && code.data) { found(code.data); } else { window.requestAnimationFrame(scanFrame); }
  }

  startButton.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      video.play();
      window.requestAnimationFrame(scanFrame);
    }).catch(function () {
      status.textContent = startButton.dataset.denied || "";
    });
  });
})();
