// How Material's search reaches the learner, in two parts.
//
// 1. The index on demand. Material's bundle requests the search index on every page view,
// searched or not, and its worker then builds the whole lunr index: about 50 KB gzip (the largest
// file of a first load) and a moment of a phone's CPU on each page. We hold back that one request
// until the learner reaches for search (focuses or opens the search box; Material's search keys
// focus it). Until then Material shows its own "Initialising search" line. Every other request
// goes out untouched; offline copies (file://) load the index as a script, not through XHR.
//
// 2. Highlighting on arrival from a result (`?h=words`). The words are the index's folded stems
// ("ekspluatac"), and Material's highlighter compares letters exactly, so it never marked
// "ekspluatācija"; it also needs the whole index for it. We take `h` out of the address before
// Material reads it and mark the words with the fold the Latvian index uses (lunr.lv.min.js).
(() => {
  const index = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const held = new WeakSet();
  let release;
  const wanted = new Promise((resolve) => {
    release = resolve;
  });

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (index.test(new URL(String(url), location.href).pathname)) held.add(this);
    else held.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (!held.has(this)) return send.apply(this, body);
    wanted.then(() => send.apply(this, body));
  };

  document.addEventListener("focusin", (event) => {
    if (event.target.matches?.("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", (event) => {
    if (event.target.id === "__search" && event.target.checked) release();
  });
  // A touch on the search button starts the request a moment before the box opens.
  document.addEventListener("pointerdown", (event) => {
    if (event.target.closest?.('label[for="__search"], .md-search')) release();
  });

  const params = new URLSearchParams(location.search);
  const words = (params.get("h") || "").replace(/[\s*+\-:~^]+/g, " ").trim();
  if (!words) return;
  params.delete("h");
  const rest = params.toString();
  history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : "") + location.hash);

  const folding = document.createElement("script");
  folding.src = new URL("lunr/min/lunr.lv.min.js", document.currentScript.src).href;
  const loaded = new Promise((resolve) => folding.addEventListener("load", resolve));
  document.head.append(folding);
  const parsed = new Promise((resolve) => {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve);
    else resolve();
  });
  Promise.all([loaded, parsed]).then(() => {
    const { fold } = window.etikaLatvian;
    mark([...new Set(words.split(" ").map(fold))].filter(Boolean), fold);
  });

  function mark(terms, fold) {
    const content = document.querySelector("[data-md-component=content]");
    if (!content || !terms.length) return;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.offsetHeight) nodes.push(node); // visible text only, as Material
    }
    for (const node of nodes) {
      const text = node.data;
      const folded = fold(text);
      if (folded.length !== text.length) continue; // positions must line up letter for letter
      const ranges = [];
      for (const term of terms) {
        for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
          ranges.push([at, at + term.length]);
        }
      }
      if (!ranges.length) continue;
      ranges.sort((a, b) => a[0] - b[0]);
      const merged = [ranges[0]];
      for (const [start, end] of ranges.slice(1)) {
        const last = merged[merged.length - 1];
        if (start <= last[1]) last[1] = Math.max(last[1], end);
        else merged.push([start, end]);
      }
      const parts = [];
      let from = 0;
      for (const [start, end] of merged) {
        parts.push(document.createTextNode(text.slice(from, start)));
        const highlight = document.createElement("mark");
        highlight.setAttribute("data-md-highlight", "");
        highlight.textContent = text.slice(start, end);
        parts.push(highlight);
        from = end;
      }
      parts.push(document.createTextNode(text.slice(from)));
      node.replaceWith(...parts);
    }
  }
})();
