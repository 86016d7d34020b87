// Workshop mode on top of any content page, from the same Markdown: a facilitator view
// (?facilitator=1) that shows the notes hidden from learners, printed links that show where they
// lead, and the slide view for projecting (?slides=N, docs/assets/javascripts/slides.js), which
// is loaded only when asked for, so learners' pages stay light. Dependency-free.
// Loaded in <head>: the view is chosen before the first paint, so a slide never shows the
// whole page first and then jumps (a layout shift a room would see).
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  // Scripts run: quiz.css lays quizzes out now as quiz.js will at the end of the page, so the
  // page does not jump when it does (Material swaps its own no-js class only later).
  root.classList.add("etika-js");
  if (params.get("facilitator") === "1") root.classList.add("is-facilitator");
  const slides = params.has("slides");
  // site.css keeps the page invisible while .is-slides-pending; slides.js lifts it.
  if (slides) root.classList.add("is-slides", "is-slides-pending");

  document.addEventListener("DOMContentLoaded", () => {
    // ---- handouts: a printed link shows its public address (the print stylesheet writes it) --
    const canonical = document.querySelector('link[rel="canonical"]');
    if (canonical) {
      for (const a of document.querySelectorAll(".md-typeset a[href]:not(.headerlink)")) {
        const href = a.getAttribute("href");
        if (href.startsWith("#") || /^[a-z]+:/i.test(href)) continue;
        a.dataset.printHref = new URL(href, canonical.href).href;
      }
    }

    // ---- slide view: its stylesheet, then its script --------------------------------------------
    if (!slides) return;
    const assets = document.getElementById("__workshop");
    if (!assets || !document.querySelector("article.md-content__inner")) {
      root.classList.remove("is-slides", "is-slides-pending");
      return;
    }
    const show = () => root.classList.remove("is-slides-pending"); // never leave a blank page
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = assets.dataset.css;
    link.onerror = show;
    link.onload = () => {
      const script = document.createElement("script");
      script.src = assets.dataset.js;
      script.onerror = show;
      document.body.appendChild(script);
    };
    document.head.appendChild(link);
  });
})();
