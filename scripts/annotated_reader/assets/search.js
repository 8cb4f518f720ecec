// The search page (search_page.py): runs the query in ?q= against the
// interface's Pagefind index and lists the pages found, each with links to the
// passages the words are in. Loaded only by the search page, so other pages
// never fetch the index; Pagefind itself fetches only the pieces a query needs.
const box = document.querySelector("[data-ar-search]");
// Results come five at a time, as in Pagefind's own interface: each one shown
// fetches its page's stored text (its "fragment": the whole indexed text,
// a few kB gzipped for a document's view) for the excerpt.
const PAGE_SIZE = 5;
// A document page's passages are <section id="..."> rows; a hit is placed in
// the last one that starts at or before it. Shown per page: at most this many.
const PASSAGES_SHOWN = 8;

if (box) {
  const form = box.querySelector("form");
  const input = box.querySelector("input[name=q]");
  const status = box.querySelector(".ar-search-status");
  const list = box.querySelector(".ar-search-results");
  const more = box.querySelector(".ar-search-more");
  const siteRoot = new URL(box.dataset.root, window.location.href);
  let pagefind = null;
  let results = [];
  let shown = 0;
  // The query being answered: an answer to an older one is dropped.
  let asked = null;

  const say = (text) => {
    status.textContent = text;
  };
  const count = (n) => (n === 1 ? box.dataset.one : box.dataset.other).replace("{count}", String(n));

  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL(box.dataset.bundle + "pagefind.js", siteRoot).href);
      await pagefind.options({
        // Pagefind's web worker (a script of its own, 12 kB) only moves the
        // search off the main thread, which this page leaves free anyway.
        noWorker: true,
        baseUrl: siteRoot.pathname,
        excerptLength: 24,
        // A document's views are long pages: Pagefind's default weighting by
        // length would rank every short page that names a term above the texts
        // that use it, so length counts for little here.
        ranking: { pageLength: 0.1, termFrequency: 0.5 },
      });
    }
    return pagefind;
  }

  // Where the query's words stand together: Pagefind finds a page holding all
  // the words (a Chinese term is segmented: 信用修复 is 信用 + 修复), and gives
  // the word positions of each. The longest runs of consecutive positions are
  // the places where the query stands whole, so those are linked.
  function phraseStarts(locations) {
    const sorted = [...new Set(locations)].sort((a, b) => a - b);
    const runs = [];
    for (const location of sorted) {
      const last = runs[runs.length - 1];
      if (last && location === last.start + last.length) last.length += 1;
      else runs.push({ start: location, length: 1 });
    }
    const longest = Math.max(0, ...runs.map((run) => run.length));
    return runs.filter((run) => run.length === longest).map((run) => run.start);
  }

  function passagesOf(data) {
    const rows = (data.anchors || []).filter((a) => a.element === "section" && a.id);
    const found = [];
    for (const location of phraseStarts(data.locations || [])) {
      let row = null;
      for (const anchor of rows) {
        if (anchor.location <= location) row = anchor;
        else break;
      }
      if (row && !found.includes(row.id)) found.push(row.id);
    }
    return found;
  }

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  async function show(result) {
    const data = await result.data();
    const item = document.createElement("li");
    const url = data.url.split("#")[0];
    const passages = passagesOf(data);
    // A hand-written page's hit opens at its section heading; a document's at its first passage hit.
    const section = (data.sub_results || []).find((sub) => sub.url.includes("#"));
    const target = passages.length ? url + "#" + passages[0] : section ? section.url : data.url;
    const title = document.createElement("p");
    title.className = "ar-search-title";
    title.append(link(target, data.meta.title || url));
    const excerpt = document.createElement("p");
    excerpt.className = "ar-search-excerpt";
    // Pagefind's excerpt is the page's own text, escaped, with the words found in <mark>.
    excerpt.innerHTML = data.excerpt;
    item.append(title, excerpt);
    if (passages.length > 1) {
      const where = document.createElement("p");
      where.className = "ar-search-passages";
      where.append(box.dataset.passages + " ");
      passages.slice(0, PASSAGES_SHOWN).forEach((id, i) => {
        if (i) where.append(" ");
        where.append(link(url + "#" + id, "#" + id));
      });
      if (passages.length > PASSAGES_SHOWN) where.append(" …");
      item.append(where);
    }
    return item;
  }

  async function showMore(query) {
    const next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    const items = await Promise.all(next.map(show));
    if (query !== asked) return;
    list.append(...items);
    more.hidden = shown >= results.length;
  }

  async function run(query) {
    asked = query;
    list.replaceChildren();
    more.hidden = true;
    if (!query.trim()) {
      say("");
      box.dataset.arSearchState = "done";
      return;
    }
    box.dataset.arSearchState = "searching";
    say(box.dataset.loading);
    try {
      const search = await (await load()).search(query);
      if (query !== asked) return;
      results = search.results;
      shown = 0;
      await showMore(query);
      if (query !== asked) return;
      say(results.length ? count(results.length) : box.dataset.none);
    } catch (error) {
      say(box.dataset.failed);
      console.error(error);
    }
    box.dataset.arSearchState = "done";
  }

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      run(input.value);
    }, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  });
  more.addEventListener("click", () => showMore(asked));

  input.value = new URL(window.location.href).searchParams.get("q") || "";
  run(input.value);
  if (!input.value) input.focus();
}
