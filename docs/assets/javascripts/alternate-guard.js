// Material's bundle looks up <link rel="alternate"> elements and fetches "sitemap.xml" next to
// each of them. Our hreflang alternates are absolute URLs of the public host, so that lookup
// would leave the machine (or 404 on the host). Renaming the relation token after parsing keeps
// the static HTML correct for crawlers while the bundle never sees these links.
for (const link of document.querySelectorAll("link[data-i18n-alternate]")) {
  link.setAttribute("rel", "alternate-hreflang");
}

// The language switcher leads to the twin page; both twins carry the same anchors by design, so
// a reader at principles/#confidentiality lands on the twin's #confidentiality, not its top.
// The links themselves are rewritten (not a click handler), so hovering, "open in new tab" and
// copying the link give the same address.
(() => {
  const keepSection = () => {
    for (const a of document.querySelectorAll(".md-select__link[hreflang]")) {
      const url = new URL(a.href);
      url.hash = location.hash;
      a.href = url.href;
    }
  };
  document.addEventListener("DOMContentLoaded", keepSection);
  addEventListener("hashchange", keepSection);
})();
