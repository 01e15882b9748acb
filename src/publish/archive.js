"use strict";
// nashra archive page: the feed's full address, and a button to copy it.
document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("feed-url");
  var button = document.getElementById("copy-feed");
  var status = document.getElementById("copy-status");
  if (!input || !button) { return; }
  if (input.getAttribute("data-relative") === "true") {
    input.value = new URL(input.value, window.location.href).href;
  }
  function done() { status.textContent = button.getAttribute("data-done"); }
  function fallback() {
    input.select();
    try { if (document.execCommand("copy")) { done(); } } catch (e) { /* not allowed */ }
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, fallback);
    } else {
      fallback();
    }
  });
});
