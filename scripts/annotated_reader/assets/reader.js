/* Passage links: highlight the linked passage or range, copy a passage's
   link, and keep the reader's passage when switching view. Notes: folded
   under their passages on narrow screens, opened when linked. Glossary
   terms: a definition pop-up. The pages read fine without this script
   (every note open, every term a link to its page); it only adds convenience. */
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
      copy(url).then(function () { confirmCopied(button); button.setAttribute("data-copied", url); });
    });
  });

  // A copy button says it copied, in the page's language, then goes back to its label.
  function confirmCopied(button) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = button.getAttribute("data-copied-label") || "Copied";
    setTimeout(function () { button.textContent = label; }, 2000);
  }

  // The access date in a citation is the build date until today's is known;
  // each style writes it its own way (see citation.py's accessed_text).
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
  function accessed(style, day) {
    var y = day.getFullYear(), m = day.getMonth(), d = day.getDate();
    var iso = y + "-" + String(m + 1).padStart(2, "0") + "-" + String(d).padStart(2, "0");
    if (style === "mla") return d + " " + MLA_MONTHS[m] + " " + y;
    if (style === "gbt7714" || style === "bibtex") return iso;
    if (style === "csl-json") return y + ", " + (m + 1) + ", " + d;
    return MONTHS[m] + " " + d + ", " + y;
  }

  // Citations in `container`: each Copy button copies the citation before
  // it, as plain text, and access dates are today's.
  function setUpCitations(container) {
    container.querySelectorAll(".ar-copy-citation").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var citation = button.previousElementSibling;
        copy(citation.textContent).then(function () { confirmCopied(button); });
      });
    });
    var today = new Date();
    container.querySelectorAll(".ar-accessed").forEach(function (date) {
      date.textContent = accessed(date.getAttribute("data-date-style"), today);
    });
  }
  setUpCitations(document);

  // A passage's Cite control links to its citations on the view's citation
  // page (cite_pages.py). Opened for the first time, it fetches that page
  // (once for all passages) and shows the passage's citations in place; if
  // the page cannot be fetched, the link stays.
  var citePages = {};
  function citePage(url) {
    if (!citePages[url]) {
      citePages[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.text();
      }).then(function (html) {
        return new DOMParser().parseFromString(html, "text/html");
      });
      citePages[url].catch(function () { delete citePages[url]; });
    }
    return citePages[url];
  }
  function loadCitations(details) {
    var link = details.querySelector(".ar-cite-page-link");
    if (!details.open || !link || details.hasAttribute("data-cite-loaded")) return;
    var body = details.querySelector(".ar-cite-body");
    details.setAttribute("data-cite-loaded", "");
    body.setAttribute("aria-busy", "true");
    citePage(link.href.split("#")[0]).then(function (page) {
      var section = page.getElementById(details.getAttribute("data-cite-passage"));
      var sets = section ? section.querySelectorAll(".ar-cite-set") : [];
      if (!sets.length) throw new Error("no citations for " + link.href);
      var version = page.querySelector(".ar-cite-version");
      body.textContent = "";
      sets.forEach(function (set) { body.appendChild(document.importNode(set, true)); });
      if (version) body.appendChild(document.importNode(version, true));
      setUpCitations(body);
    }).catch(function () {
      details.removeAttribute("data-cite-loaded");
    }).then(function () {
      body.removeAttribute("aria-busy");
    });
  }
  // "toggle" does not bubble: one listener, capturing, serves every control.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.ar-cite[data-cite-passage]")) {
      loadCitations(event.target);
    }
  }, true);

  // Switching view or interface language keeps the passage the reader is at.
  document.querySelectorAll(".ar-view-link, .ar-lang-switch, .ar-lang-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      // The theme would otherwise redirect a language link through its sitemaps, losing the passage.
      if (link.hasAttribute("hreflang")) event.stopPropagation();
      // Off the document pages, the page's own fragment (a term, a year) is the place to keep.
      var passage = rows().length ? currentPassage() : fragment();
      if (passage) link.setAttribute("href", link.getAttribute("href").split("#")[0] + "#" + passage);
    });
  });

  // Glossary terms in the text: hovering, keyboard focus or a first tap shows
  // the term's definition (the hidden .ar-def the link is described by); a
  // click, Enter or a second tap follows the link to the term's page. Escape,
  // moving away or tapping elsewhere closes it (WCAG 1.4.13).
  function setUpTermPopups() {
    var links = Array.prototype.slice.call(document.querySelectorAll(".ar-term-link"));
    if (!links.length) return;
    var popup = document.createElement("div");
    popup.className = "ar-term-popup";
    popup.id = "ar-term-popup";
    popup.setAttribute("role", "tooltip");
    popup.hidden = true;
    // Inside the page's main landmark, like the text it belongs to, so that
    // no content of the page sits outside every landmark.
    (document.querySelector("main") || document.body).appendChild(popup);
    var current = null, hideTimer = null, touch = false, shownBeforeTap = false;

    function place(link) {
      var rect = link.getBoundingClientRect();
      var viewport = document.documentElement.clientWidth;
      var width = Math.min(popup.offsetWidth, viewport - 16);
      var left = Math.max(8, Math.min(rect.left, viewport - width - 8));
      var below = rect.bottom + 6;
      var top = below + popup.offsetHeight > window.innerHeight && rect.top - popup.offsetHeight - 6 > 0
        ? rect.top - popup.offsetHeight - 6 : below;
      // Absolute positions count from the popup's containing block: the
      // nearest positioned ancestor, or the document itself.
      var parent = popup.offsetParent;
      var origin = parent && parent !== document.body && getComputedStyle(parent).position !== "static"
        ? parent.getBoundingClientRect() : { left: -window.scrollX, top: -window.scrollY };
      popup.style.left = left - origin.left + "px";
      popup.style.top = top - origin.top + "px";
    }

    function show(link) {
      clearTimeout(hideTimer);
      var definition = document.getElementById(link.getAttribute("aria-describedby"));
      if (!definition) return;
      popup.textContent = "";
      Array.prototype.forEach.call(definition.childNodes, function (node) { popup.appendChild(node.cloneNode(true)); });
      var more = document.createElement("p");
      more.className = "ar-def-more";
      var page = document.createElement("a");
      page.href = link.href;
      var definitions = definition.closest(".ar-term-definitions");
      page.textContent = (definitions && definitions.getAttribute("data-more-label")) ||
        "Term page: renderings, uses, every occurrence";
      // Keyboard users reach the page with Enter on the term itself.
      page.tabIndex = -1;
      more.appendChild(page);
      popup.appendChild(more);
      popup.hidden = false;
      popup.setAttribute("data-term", link.getAttribute("data-term"));
      current = link;
      place(link);
    }

    function hide() {
      clearTimeout(hideTimer);
      popup.hidden = true;
      current = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 300);
    }

    links.forEach(function (link) {
      link.addEventListener("pointerdown", function (event) {
        touch = event.pointerType !== "mouse";
        shownBeforeTap = current === link && !popup.hidden;
      });
      link.addEventListener("click", function (event) {
        // A first tap shows the definition; the second follows the link.
        if (touch && !shownBeforeTap) {
          event.preventDefault();
          show(link);
        }
        touch = false;
      });
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("focus", function () { show(link); });
      link.addEventListener("blur", function (event) {
        // Focus moving on by keyboard: the definition goes at once, or it
        // would cover the control that has the focus now (WCAG 2.4.11).
        var next = event.relatedTarget;
        if (next && !popup.contains(next)) hide();
        else if (!touch) hideSoon();
      });
    });
    popup.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popup.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !popup.hidden) hide();
    });
    document.addEventListener("pointerdown", function (event) {
      if (popup.hidden || popup.contains(event.target) || (current && current.contains(event.target))) return;
      hide();
    });
    window.addEventListener("resize", function () { if (current) place(current); });
  }

  // A table wider than the screen scrolls sideways inside the theme's
  // wrapper; a keyboard can scroll it only if something in it takes the focus.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var unreachable = wrap.scrollWidth > wrap.clientWidth && !wrap.querySelector("a[href], button, [tabindex]");
      if (unreachable) wrap.tabIndex = 0;
      else wrap.removeAttribute("tabindex");
    });
  }
  window.addEventListener("load", focusableScrollers);
  window.addEventListener("resize", focusableScrollers);
  // A table in a closed <details> (a chart's figures) has no width until opened.
  document.addEventListener("toggle", focusableScrollers, true);

  setUpTermPopups();
  foldNotes();
  narrow.addEventListener("change", foldNotes);
  window.addEventListener("hashchange", highlight);
  highlight();

  // ---- Print: every note (and the header's details) open on paper --------
  // A closed <details> prints closed in most browsers; reader.css opens them
  // in Chromium's print layout, and this opens them everywhere else. The
  // ones that were closed are closed again after printing, so the reader's
  // screen is as they left it. The page is narrower on paper than on most
  // screens, so folding the notes is paused while printing.
  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    narrow.removeEventListener("change", foldNotes);
    closedForPrint = Array.prototype.filter.call(
      document.querySelectorAll("details.ar-about, details.ar-witness-list, .ar-note > details"),
      function (details) { return !details.open; }
    );
    closedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
    narrow.addEventListener("change", foldNotes);
  });
})();
