/* Passage links: highlight the linked passage or range, copy a passage's
   link, and keep the reader's passage when switching view. Notes: folded
   under their passages on narrow screens, opened when linked. The pages read
   fine without this script (every note open); it only adds convenience. */
(function () {
  "use strict";

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll(".ar-row"));
  }

  // The row for an ID, following the anchors of renamed (alias) IDs.
  function rowFor(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    if (!element.classList.contains("ar-row")) element = element.closest(".ar-row");
    return element;
  }

  function fragment() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return location.hash.slice(1);
    }
  }

  // Notes sit in the margin on wide screens; below this width they sit under
  // their passages, folded so that the text stays readable (see reader.css).
  var narrow = window.matchMedia("(max-width: 76em)");

  function foldNotes() {
    var target = fragment();
    document.querySelectorAll(".ar-note > details").forEach(function (details) {
      details.open = !narrow.matches || details.parentElement.id === target;
    });
  }

  // "#note-<id>" opens and marks the note (and its passage).
  function showNote(hash) {
    document.querySelectorAll(".ar-note.ar-highlight").forEach(function (note) { note.classList.remove("ar-highlight"); });
    var note = document.getElementById(hash);
    if (!note || !note.classList.contains("ar-note")) return;
    note.querySelector("details").open = true;
    note.classList.add("ar-highlight");
    note.scrollIntoView({ block: "center" });
  }

  // "#first~last" marks a range of passages; "#id" a single one.
  function highlight() {
    rows().forEach(function (row) { row.classList.remove("ar-highlight"); });
    var hash = fragment();
    if (!hash) return;
    if (hash.indexOf("note-") === 0) showNote(hash);
    var ends = hash.split("~");
    if (ends.length === 2) {
      var first = rowFor(ends[0]), last = rowFor(ends[1]);
      if (!first || !last) return;
      var all = rows(), from = all.indexOf(first), to = all.indexOf(last);
      if (from > to) { var swap = from; from = to; to = swap; }
      for (var index = from; index <= to; index++) all[index].classList.add("ar-highlight");
      all[from].scrollIntoView({ block: "start" });
      return;
    }
    var row = rowFor(hash);
    if (row) row.classList.add("ar-highlight");
  }

  function pageUrl() {
    return location.href.split("#")[0];
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    return Promise.resolve();
  }

  // The passage the reader is at: the linked one, or the first one in view.
  function currentPassage() {
    var hash = fragment();
    if (hash && (rowFor(hash.split("~")[0]))) return hash;
    // Below the sticky header, view switch and column heads.
    var heads = document.querySelector(".ar-colheads");
    var top = heads ? heads.getBoundingClientRect().bottom : 0;
    var visible = rows().filter(function (row) { return row.getBoundingClientRect().bottom > top + 24; })[0];
    return visible ? visible.id : "";
  }

  document.querySelectorAll(".ar-copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = pageUrl() + "#" + button.getAttribute("data-passage");
      copy(url).then(function () {
        button.textContent = "Copied";
        button.setAttribute("data-copied", url);
        setTimeout(function () { button.textContent = "Copy link"; }, 2000);
      });
    });
  });

  document.querySelectorAll(".ar-view-link").forEach(function (link) {
    link.addEventListener("click", function () {
      var passage = currentPassage();
      if (passage) link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#" + passage);
    });
  });

  foldNotes();
  narrow.addEventListener("change", foldNotes);
  window.addEventListener("hashchange", highlight);
  highlight();
})();
