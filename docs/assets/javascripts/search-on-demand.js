// Material's bundle requests the search index on every page view, searched or not, and its worker
// then builds the whole lunr index: about 50 KB gzip (the largest file of a first load) and a
// moment of a phone's CPU on each page. We hold back that one request until the learner reaches
// for search (focuses or opens the search box; Material's search keys focus it) or arrives from a
// search result (`?h=`, which Material highlights from the index). Until then Material shows its
// own "Initialising search" line. Every other request goes out untouched; offline copies
// (file://) load the index as a script, not through XMLHttpRequest.
(() => {
  const index = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const held = new WeakSet();
  let release;
  const wanted = new Promise((resolve) => {
    release = resolve;
  });
  if (new URLSearchParams(location.search).has("h")) release();

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
})();
