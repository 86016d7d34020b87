// Slide view (?slides=N), loaded by workshop.js: any content page as a presentation. Slides are
// views, not copies: each slide shows some of the article's own elements and hides the rest, so
// quizzes keep working and nothing is duplicated. Dependency-free.
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  const wordsElement = document.getElementById("__workshop");
  const words = JSON.parse(wordsElement.textContent);
  const article = document.querySelector("article.md-content__inner");

  // ---- cutting the article into slides ----------------------------------------------------------
  // A slide starts at the page title, at every h2, at every horizontal rule (an explicit break
  // in the Markdown: ***), and at every question or dialogue of a quiz.
  const slides = [];
  let current = null;
  const start = (heading) => { current = { parts: [], heading }; slides.push(current); };
  const skip = (el) => el.matches(".md-content__button, .slides-open, script, .headerlink");

  start(article.querySelector("h1"));
  for (const el of [...article.children]) {
    if (skip(el)) continue;
    if (el.tagName === "HR") { start(current.heading); el.classList.add("slide-hidden-always"); continue; }
    if (el.tagName === "H2") start(el);
    if (el.matches("section.quiz")) {
      const title = el.querySelector(":scope > .quiz__title");
      start(title);
      const items = [...el.querySelectorAll(":scope > .quiz-item")];
      current.parts.push({ el, show: [...el.children].filter((c) => !items.includes(c)) });
      for (const item of items) {
        start(title);
        current.parts.push({ el, show: [title, item, el.querySelector(":scope > .quiz__data")] });
      }
      continue;
    }
    current.parts.push({ el });
  }
  const deck = slides.filter((slide) => slide.parts.length || slide === slides[0]);
  const total = deck.length;

  // ---- the frame: counter, buttons, live region -------------------------------------------------
  root.classList.add("is-slides");
  article.tabIndex = -1; // the slide itself takes focus, so keys work from the first moment
  article.setAttribute("role", "region");
  article.setAttribute("aria-roledescription", words.deck);
  article.setAttribute("aria-label", document.title);

  const bar = document.createElement("nav");
  bar.className = "slides-bar";
  bar.setAttribute("aria-label", words.controls);
  const button = (label, text, action) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "slides-button";
    b.setAttribute("aria-label", label);
    b.title = label;
    if (text === "fullscreen") b.appendChild(expandIcon());
    else b.textContent = text;
    b.addEventListener("click", action);
    bar.appendChild(b);
    return b;
  };
  const counter = document.createElement("p");
  counter.className = "slides-counter";
  counter.setAttribute("aria-live", "polite");
  button(words.previous, "←", () => go(index - 1));
  bar.appendChild(counter);
  button(words.next, "→", () => go(index + 1));
  const reveal = button(words.reveal, words.reveal_short, () => revealAnswers());
  button(words.fullscreen, "fullscreen", () => fullscreen());
  button(words.exit, "✕", () => leave());
  document.body.appendChild(bar);

  function expandIcon() {
    // Drawn, not a character: no font on a facilitator's laptop is guaranteed to have one.
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "1em");
    svg.setAttribute("height", "1em");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M3 3h7v2H5v5H3zm11 0h7v7h-2V5h-5zM3 14h2v5h5v2H3zm16 0h2v7h-7v-2h5z");
    svg.appendChild(path);
    return svg;
  }

  // ---- showing a slide ----------------------------------------------------------------------------
  let index = 0;
  const everything = [...article.children].filter((el) => !skip(el));

  function go(target, focus = true) {
    index = Math.max(0, Math.min(total - 1, target));
    const slide = deck[index];
    const visible = new Set(slide.parts.map((p) => p.el));
    if (index === 0) visible.add(slide.heading);
    for (const el of everything) el.classList.toggle("slide-hidden", !visible.has(el));
    for (const part of slide.parts) {
      if (!part.show) continue;
      for (const child of part.el.children) child.classList.toggle("slide-hidden", !part.show.includes(child));
    }
    reveal.hidden = !article.querySelector(":scope > :not(.slide-hidden) .quiz-question:not(.slide-hidden)");
    counter.textContent = words.counter.replace("{n}", index + 1).replace("{total}", total);
    params.set("slides", String(index + 1));
    history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
    window.scrollTo(0, 0);
    if (focus) article.focus({ preventScroll: true });
  }

  function revealAnswers() {
    for (const form of article.querySelectorAll(".quiz-question")) {
      if (form.closest(".slide-hidden")) continue;
      form.dispatchEvent(new CustomEvent("etika:reveal"));
    }
  }

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
  }

  function leave() {
    params.delete("slides");
    const heading = deck[index].heading;
    const rest = params.toString();
    location.href = `${location.pathname}${rest ? `?${rest}` : ""}${heading && heading.id ? `#${heading.id}` : ""}`;
  }

  // ---- keys: arrows, presentation clickers (PageUp/PageDown), Space, Home/End, F, R, Esc --------
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    // Inside a form control the keys keep their own meaning (arrows move between radio options).
    const inControl = target.closest && target.closest("input, textarea, select, button, a, .md-search");
    // Letter keys are only someone's typing in a text field or the search box.
    const typing = target.closest && target.closest(
      "input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable], .md-search");
    const key = event.key;
    const moves = {
      ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1,
      ArrowLeft: -1, ArrowUp: -1, PageUp: -1,
    };
    if (key in moves && !(inControl && key !== "PageDown" && key !== "PageUp")) {
      event.preventDefault();
      go(index + (event.shiftKey && key === " " ? -1 : moves[key]));
    } else if (key === "Home" && !typing) { event.preventDefault(); go(0); }
    else if (key === "End" && !typing) { event.preventDefault(); go(total - 1); }
    else if ((key === "f" || key === "F") && !typing) { event.preventDefault(); fullscreen(); }
    else if ((key === "r" || key === "R") && !typing) { event.preventDefault(); revealAnswers(); }
    else if (key === "Escape" && !document.fullscreenElement) { leave(); }
  });

  const asked = parseInt(params.get("slides"), 10);
  go(Number.isFinite(asked) ? asked - 1 : 0, false);
  root.classList.remove("is-slides-pending");
})();
