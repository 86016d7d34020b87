// Material's bundle looks up <link rel="alternate"> elements and fetches "sitemap.xml" next to
// each of them. Our hreflang alternates are absolute URLs of the public host, so that lookup
// would leave the machine (or 404 on the host). Renaming the relation token after parsing keeps
// the static HTML correct for crawlers while the bundle never sees these links.
for (const link of document.querySelectorAll("link[data-i18n-alternate]")) {
  link.setAttribute("rel", "alternate-hreflang");
}
