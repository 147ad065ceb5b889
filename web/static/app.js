// recoupe page script: progressive only. Every page works without it; with
// it, the add forms upload through the JSON API with a progress bar. It
// writes to the page with textContent only, never innerHTML.
"use strict";

(function () {
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function showReport(out, r) {
    out.textContent = "";
    var p = el("p", "report");
    p.textContent = (r.ingested || 0) + " ingested · " + (r.duplicates || 0) + " duplicates · " +
      (r.near || 0) + " near-duplicates · " + ((r.skipped || []).length) + " skipped";
    out.appendChild(p);
    (r.skipped || []).forEach(function (s) {
      out.appendChild(el("div", "skip", s.origin + ": " + s.reason));
    });
    (r.stories || []).forEach(function (id) {
      var a = el("a", "story-link", "story " + id);
      a.href = "/stories/" + encodeURIComponent(id);
      out.appendChild(a);
      out.appendChild(document.createTextNode(" "));
    });
  }

  function wireIngest(form) {
    form.addEventListener("submit", function (ev) {
      if (!window.FormData || !window.XMLHttpRequest) return;
      ev.preventDefault();
      var bar = form.querySelector("progress");
      var out = form.querySelector("output");
      var btn = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/articles");
      xhr.responseType = "json";
      if (bar) { bar.hidden = false; bar.value = 0; }
      if (btn) btn.disabled = true;
      if (out) out.textContent = "Uploading…";
      xhr.upload.onprogress = function (e) {
        if (bar && e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
      };
      xhr.upload.onload = function () { if (out) out.textContent = "Reading and cross-checking…"; };
      xhr.onloadend = function () {
        if (btn) btn.disabled = false;
        if (bar) bar.value = 100;
        var r = xhr.response;
        if (xhr.status >= 200 && xhr.status < 300 && r) {
          showReport(out, r);
        } else {
          out.textContent = "Error " + xhr.status + ": " + ((r && r.error) || xhr.statusText || "network error");
        }
      };
      xhr.send(new FormData(form));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.ingest").forEach(wireIngest);
    document.querySelectorAll("form.move").forEach(function (f) {
      f.addEventListener("submit", function (ev) {
        if (!window.confirm("Move this article into a new story of its own?")) ev.preventDefault();
      });
    });
    var hl = document.getElementById("hl");
    if (hl && hl.scrollIntoView) hl.scrollIntoView({ block: "center" });
  });
})();
