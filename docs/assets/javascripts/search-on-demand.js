// How Material's search reaches the learner, in two parts.
//
// 1. The index on demand. Material's bundle requests the search index on every page view,
// searched or not, and its worker then builds the whole lunr index: about 50 KB gzip (the largest
// file of a first load) and a moment of a phone's CPU on each page. We hold back that one request
// until the learner reaches for search (focuses or opens the search box; Material's search keys
// focus it). Until then Material shows its own "Initialising search" line. Every other request
// goes out untouched; offline copies (file://) load the index as a script, not through XHR.
// Once the index is ready, Material reads the box again, so what was typed meanwhile is searched.
// But it reads the box only on a key release: a word pasted, dictated, taken from a phone's
// suggestions or entered by an input method in one go came without one and was never searched
// ("No matching documents" stayed). Every change of the box now counts as a key release.
//
// 2. Highlighting on arrival from a result (`?h=words`). The words are the index's folded stems
// ("ekspluatac"), and Material's highlighter compares letters exactly, so it never marked
// "ekspluatācija"; it also needs the whole index for it. We take `h` out of the address before
// Material reads it; search-highlight.js marks the words with the Latvian index's own fold.
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
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (box.matches?.("[data-md-component=search-query]")) {
      box.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }));
    }
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

  // The fold (lunr.lv.min.js), then the marker: in this order, only on such an arrival.
  const here = document.currentScript.src;
  for (const [file, marks] of [["lunr/min/lunr.lv.min.js"], ["search-highlight.js", words]]) {
    const script = document.createElement("script");
    script.src = new URL(file, here).href;
    script.async = false; // run in insertion order
    if (marks) script.dataset.words = marks;
    document.head.append(script);
  }
})();
