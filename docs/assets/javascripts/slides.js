// Slide view (?slides=N), loaded by workshop.js: any content page as a presentation. Slides are
// views, not copies: each slide shows some of the article's own elements and hides the rest, so
// quizzes keep working and nothing is duplicated. Dependency-free.
//
// The cut is measured, not guessed: fonts, zoom and screen sizes vary, so the deck is built in
// this browser from the real rendered heights, and again on resize or when a quiz changes what
// it shows (an answer revealed, the next step of a dialogue). For one screen size the cut is
// always the same, so a slide number in the address reopens the same slide.
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  const root = document.documentElement;
  const words = JSON.parse(document.getElementById("__workshop").textContent);
  const article = document.querySelector("article.md-content__inner");
  const lang = (root.lang || "lv").slice(0, 2);
  // The heading of the slides that follow a question the room has answered. Kept here, next to
  // the only code that shows it, in both languages.
  const revealedTitle = words.revealed_title || (lang === "lv" ? "Atklāts" : "Revealed");
  const SIZES = [null, 26, 24]; // the stylesheet's size first; never below 24 px (a room reads it)

  root.classList.add("is-slides");
  article.tabIndex = -1; // the slide itself takes focus, so keys work from the first moment
  article.setAttribute("role", "region");
  article.setAttribute("aria-roledescription", words.deck);
  article.setAttribute("aria-label", document.title);
  for (const hr of article.querySelectorAll(":scope > hr")) hr.classList.add("slide-hidden-always");
  // The heading of the slides that carry a revealed answer's feedback, shown only there.
  for (const form of article.querySelectorAll(".quiz-question")) {
    const label = document.createElement("p");
    label.className = "slides-revealed";
    label.textContent = revealedTitle;
    form.prepend(label);
  }

  // ---- the frame: counter, buttons, live region -------------------------------------------------
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

  // ---- showing a set of elements ----------------------------------------------------------------
  // A slide is a set of elements shown whole. Their ancestors are shown too, and every other
  // child of those ancestors is hidden (data-slide-off), so a list can show some of its items,
  // a table some of its rows, a question its options without their feedback.
  let marked = [];
  let renumbered = [];
  function clear() {
    for (const el of marked) el.removeAttribute("data-slide-off");
    for (const ol of renumbered) ol.removeAttribute("start");
    marked = [];
    renumbered = [];
  }
  function apply(set, size) {
    clear();
    const whole = new Set(set);
    const path = new Set([article]);
    for (const el of set) {
      let covered = false;
      for (let up = el.parentElement; up && up !== article; up = up.parentElement) {
        if (whole.has(up)) { covered = true; break; }
      }
      if (covered) continue;
      for (let up = el.parentElement; up && up !== article; up = up.parentElement) path.add(up);
    }
    for (const parent of path) {
      let first = 0;
      let n = 0;
      for (const child of parent.children) {
        if (child.tagName === "LI") n += 1;
        if (whole.has(child) || path.has(child)) { if (!first) first = n; continue; }
        child.setAttribute("data-slide-off", "");
        marked.push(child);
      }
      // A numbered list that continues from the last slide keeps its numbers.
      if (parent.tagName === "OL" && first > 1) {
        parent.setAttribute("start", String(first));
        renumbered.push(parent);
      }
    }
    article.style.fontSize = size ? `${size}px` : "";
  }

  const bottomLimit = () => window.innerHeight;
  function fits(set, size) {
    apply(set, size);
    return article.getBoundingClientRect().bottom <= bottomLimit() + 0.5
      && root.scrollWidth <= window.innerWidth;
  }

  // ---- cutting the page into slides -------------------------------------------------------------
  // A slide starts at the page title, at every h2, at every horizontal rule (an explicit break in
  // the Markdown: ***), at every question or dialogue of a quiz. What does not fit one screen is
  // cut where a person would: at h3, then between paragraphs, list items or table rows, never
  // inside a sentence. A heading, a label ending in ":" or a bold label stays with what follows,
  // and the headings above a continued part are shown again above it.
  // What the page shows (not hidden by its own rules: a learner's page hides facilitator notes,
  // a quiz its feedback until answered), read once per cut, before any slide is applied.
  let shown = new Set();
  const isShown = (el) => shown.has(el);
  const onScreen = (el) => el.getClientRects().length > 0; // as the current slide shows it
  // Styles only, no layout: a cut after an answer is revealed stays quick on a long page.
  function readShown() {
    clear();
    shown = new Set();
    const walk = (parent) => {
      for (const el of parent.children) {
        if (getComputedStyle(el).display === "none") continue;
        shown.add(el);
        walk(el);
      }
    };
    walk(article);
  }
  const skip = (el) => el.matches(".md-content__button, .slides-open, script, .headerlink, .slide-hidden-always");
  const isLabel = (el) => el.matches("h1, h2, h3, h4, h5, h6, legend, .admonition-title, .quiz-outcome, .quiz-ending__title, .quiz-explanation__title, .quiz-speaker, .quiz-verdict")
    || (el.tagName === "P" && (/:\s*$/.test(el.textContent)
      || (el.children.length === 1 && el.children[0].matches("strong, b") && el.textContent.trim() === el.children[0].textContent.trim())));
  const hasOwnText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());

  // A part of the page: elements shown together, the headings kept above its pieces when it is
  // cut (sticky), its pieces, and whether it must start a new slide.
  const part = (els, more = {}) => ({ els, sticky: [], pieces: null, hard: false, ...more });

  // The pieces of an element that does not fit one screen, or null when it cannot be cut.
  function cut(el) {
    if (el.matches("ul, ol, dl")) return { sticky: [], pieces: glued([...el.children]) };
    if (el.matches("table")) {
      const head = el.querySelector(":scope > thead");
      const rows = [...el.querySelectorAll(":scope > tbody > tr")];
      return { sticky: head ? [head] : [], pieces: rows.map((r) => part([r])) };
    }
    if (el.matches(".quiz-step")) return stepParts(el);
    if (el.matches(".quiz-option")) {
      // The mark and the option's words stay together; its feedback may follow.
      const feedback = el.querySelector(":scope > .quiz-feedback");
      const head = [...el.children].filter((c) => c !== feedback);
      if (!feedback || !isShown(feedback)) return null;
      const inner = cut(feedback);
      return { sticky: head, pieces: inner ? inner.pieces : [part([feedback])] };
    }
    if (el.matches("p, h1, h2, h3, h4, h5, h6, legend, label, tr, thead") || hasOwnText(el)) return null;
    const kids = [...el.children].filter((c) => !skip(c) && isShown(c));
    if (!kids.length) return null;
    const sticky = [];
    while (kids.length > 1 && isLabel(kids[0])) sticky.push(kids.shift());
    return { sticky, pieces: glued(kids) };
  }

  // Elements as pieces, a label joined to what follows it.
  function glued(els) {
    const pieces = [];
    let waiting = [];
    for (const el of els) {
      if (!isShown(el) || skip(el)) continue;
      if (isLabel(el)) { waiting.push(el); continue; }
      const inner = cut(el);
      pieces.push(part([...waiting, el], inner ? { sticky: [...waiting, ...inner.sticky], pieces: inner.pieces } : {}));
      waiting = [];
    }
    if (waiting.length) pieces.push(part(waiting));
    return pieces;
  }

  // A section under an h2 (or the page title): whole if it fits, else cut at h3.
  function sectionPart(heading, body) {
    const groups = [];
    let group = null;
    for (const el of body) {
      if (el.tagName === "H3") { group = { heading: el, els: [] }; groups.push(group); continue; }
      if (!group) { group = { heading: null, els: [] }; groups.push(group); }
      group.els.push(el);
    }
    const pieces = groups.map((g) => {
      const inner = glued(g.els);
      if (!g.heading) return inner.length === 1 ? inner[0] : part(g.els, { pieces: inner });
      return part([g.heading, ...g.els], { sticky: [g.heading], pieces: inner, heading: g.heading });
    }).flatMap((p) => (p.els.length ? [p] : []));
    const visible = body.filter(isShown);
    return part(heading ? [heading, ...visible] : visible, { sticky: heading ? [heading] : [], pieces, hard: true, heading });
  }

  // A scenario question: the case and the question with its options; once answered, the
  // verdicts stay with the options and the feedback and explanation follow when they do not fit.
  function questionParts(form) {
    const scenario = form.querySelector(":scope > .quiz-scenario");
    const fieldset = form.querySelector(":scope > fieldset");
    const tail = [":scope > .quiz-actions", ":scope > .quiz-status"].map((s) => form.querySelector(s)).filter(Boolean);
    const explanation = form.querySelector(":scope > .quiz-explanation");
    const legend = [...fieldset.children].filter((c) => c.matches("legend, .quiz-hint"));
    const options = [...fieldset.querySelectorAll(":scope > .quiz-option")];
    const checked = form.classList.contains("is-checked");
    const all = [scenario, fieldset, ...tail, ...(checked ? [explanation] : [])].filter((e) => e && isShown(e));
    const asked = part([fieldset, ...tail], {
      sticky: legend,
      together: true,
      pieces: [...options.map((o) => part([o])), part(tail)],
    });
    if (!checked) {
      return part(all, { pieces: [scenario ? part([scenario]) : null, asked].filter(Boolean), hard: true, item: form });
    }
    // Answered: first the options with their verdicts, then each shown option's feedback.
    const label = form.querySelector(":scope > .slides-revealed");
    const verdicts = options.flatMap((o) => [...o.querySelectorAll(":scope > input, :scope > label, :scope > .quiz-feedback > .quiz-verdict")]);
    const answered = part([...legend, ...verdicts, ...tail], {
      sticky: legend,
      together: true,
      pieces: [...options.map((o) => part([...o.querySelectorAll(":scope > input, :scope > label, :scope > .quiz-feedback > .quiz-verdict")])), part(tail)],
    });
    const feedback = options.filter((o) => o.classList.contains("is-shown")).map((o) => part([o], { pieces: cut(o) && cut(o).pieces }));
    const rest = part([...options.filter((o) => o.classList.contains("is-shown")), explanation], {
      sticky: [label],
      pieces: [...feedback, part([explanation], cut(explanation) || {})],
      hard: true,
    });
    return part(all, { pieces: [scenario ? part([scenario]) : null, answered, rest].filter(Boolean), hard: true, item: form });
  }

  // A dialogue plays one step at a time: its setting, then only the step the room is at.
  const currentStep = new Map();
  function dialogueParts(box) {
    const scenario = box.querySelector(":scope > .quiz-scenario");
    let step = currentStep.get(box);
    if (!step || !isShown(step)) {
      step = [...box.querySelectorAll(":scope > .quiz-step, :scope > .quiz-ending")].filter(isShown).pop();
    }
    const others = [...box.children].filter((c) => c !== scenario && !c.matches(".quiz-step, .quiz-ending") && isShown(c));
    const now = step ? stepParts(step) : null;
    const pieces = [];
    if (scenario && isShown(scenario)) pieces.push(part([scenario]));
    // The first step may share the setting's slide; every later one starts a slide of its own.
    const first = box.querySelector(":scope > .quiz-step");
    if (step) pieces.push(part([step, ...others], { sticky: now.sticky, pieces: [...now.pieces, ...others.map((o) => part([o]))], hard: step !== first }));
    return part(pieces.flatMap((p) => p.els), { pieces, hard: true, item: box });
  }

  function stepParts(step) {
    if (step.matches(".quiz-ending")) return cut(step) || { sticky: [], pieces: [part([step])] };
    // What happens and who speaks (cut between its paragraphs if need be), then the replies:
    // once answered, only the learner's own reply is shown, with its feedback.
    const lines = step.querySelector(":scope > .quiz-lines");
    const fieldset = step.querySelector(":scope > fieldset");
    const tail = [...step.children].filter((c) => c !== lines && c !== fieldset && isShown(c));
    const legend = [...fieldset.children].filter((c) => c.matches("legend, .quiz-hint"));
    const options = [...fieldset.querySelectorAll(":scope > .quiz-option")].filter(isShown);
    return {
      sticky: [],
      pieces: [
        lines ? part([lines], cut(lines) || {}) : null,
        part([fieldset, ...tail], { sticky: legend, together: true, pieces: [...options.map((o) => part([o], cut(o) || {})), part(tail)] }),
      ].filter(Boolean),
    };
  }

  function quizParts(section) {
    const title = section.querySelector(":scope > .quiz__title");
    const pieces = [];
    for (const child of section.children) {
      if (child === title || skip(child) || !isShown(child)) continue;
      if (child.matches(".quiz-question")) pieces.push(questionParts(child));
      else if (child.matches(".quiz-dialogue")) pieces.push(dialogueParts(child));
      else if (child.textContent.trim()) pieces.push(part([child], cut(child) || {}));
    }
    return { title, pieces };
  }

  // The deck: slides as sets of elements, each with the heading a reader would come back to.
  let deck = [];
  const cuts = new Map(); // a section or a quiz item -> its slides, as cut for this screen
  function build() {
    readShown();
    const sections = [];
    let section = { heading: article.querySelector("h1"), body: [] };
    sections.push(section);
    for (const el of [...article.children]) {
      if (el.tagName === "HR") { section = { heading: null, body: [] }; sections.push(section); continue; }
      if (el === section.heading || skip(el)) continue;
      if (el.tagName === "H2") { section = { heading: el, body: [] }; sections.push(section); continue; }
      if (el.matches("section.quiz")) { section = { quiz: el, body: [] }; sections.push(section); continue; }
      section.body.push(el);
    }
    const slides = [];
    let open = null;
    let anchor = null;
    const close = () => { if (open && open.els.length) slides.push(open); open = null; };
    const onSlide = (el) => open && (open.ctx.includes(el) || open.els.includes(el));

    // Adds a part after what is already on the open slide, or on a new slide, or cut in pieces.
    function add(p, ctx) {
      const els = p.els.filter((e) => e && isShown(e));
      if (p.hard) close();
      if (p.heading !== undefined) anchor = p.heading;
      if (!els.length && !p.pieces) return;
      if (els.length) {
        const missing = ctx.filter((c) => !onSlide(c));
        if (open && fits([...open.ctx, ...open.els, ...missing, ...els])) {
          open.els.push(...missing, ...els);
          return;
        }
        if (fits([...ctx, ...els])) {
          close();
          open = { ctx, els: [...els], anchor: p.item || anchor };
          return;
        }
        // A question and its options are read together: in smaller type (never below 24 px)
        // rather than cut, and when they must be cut, they start a slide of their own.
        const size = p.together && SIZES.find((z) => z && fits([...ctx, ...els], z));
        if (size) {
          close();
          slides.push({ ctx, els, size, anchor: p.item || anchor });
          return;
        }
        if (p.together) close();
      }
      const pieces = p.pieces && p.pieces.filter(Boolean);
      if (pieces && pieces.length && !(pieces.length === 1 && pieces[0].els.length === els.length && !pieces[0].pieces)) {
        const inner = [...ctx, ...p.sticky.filter((s) => isShown(s))];
        pieces.forEach((piece, i) => add(i ? piece : { ...piece, els: [...p.sticky, ...piece.els], item: piece.item || p.item }, inner));
        if (p.hard) close();
        return;
      }
      // One piece that cannot be cut: alone on its slide, without repeated headings, and in a
      // smaller type when it must (never below 24 px).
      close();
      const size = SIZES.find((s) => fits(els, s)) || SIZES[SIZES.length - 1];
      slides.push({ ctx: [], els, size, anchor: p.item || anchor });
    }

    // Sections and quiz items always start a slide, so each is cut on its own, and kept until
    // it changes: revealing one answer re-measures one question, not the page.
    const cached = (key, make) => {
      close();
      if (!cuts.has(key)) {
        const from = slides.length;
        make();
        close();
        cuts.set(key, slides.slice(from));
      } else slides.push(...cuts.get(key));
    };
    for (const s of sections) {
      if (s.quiz) {
        const { title, pieces } = quizParts(s.quiz);
        anchor = title;
        close();
        for (const piece of pieces) {
          cached(piece.item || piece.els[0], () => add({ ...piece, item: piece.item || title, hard: true }, [title]));
        }
        close();
      } else {
        cached(s.heading || s.body[0] || article, () => add(sectionPart(s.heading, s.body.filter(isShown)), []));
      }
    }
    close();
    if (!slides.length) slides.push({ ctx: [], els: [article.querySelector("h1")], anchor: null });
    deck = slides.map((s) => ({ set: [...s.ctx, ...s.els], size: s.size || null, anchor: s.anchor }));
  }

  // ---- showing a slide ----------------------------------------------------------------------------
  let index = 0;

  function go(target, focus = true) {
    index = Math.max(0, Math.min(deck.length - 1, target));
    const slide = deck[index];
    apply(slide.set, slide.size);
    const form = currentQuestion();
    reveal.hidden = !form || form.classList.contains("is-checked");
    counter.textContent = words.counter.replace("{n}", index + 1).replace("{total}", deck.length);
    params.set("slides", String(index + 1));
    history.replaceState(null, "", `${location.pathname}?${params}${location.hash}`);
    window.scrollTo(0, 0);
    if (focus) article.focus({ preventScroll: true });
  }

  // The question whose options are on screen, if any.
  function currentQuestion() {
    return [...article.querySelectorAll(".quiz-question")].find((f) => {
      const option = f.querySelector(".quiz-option input");
      return option && onScreen(option);
    });
  }

  // The slide showing an element (or part of it).
  const slideOf = (el) => deck.findIndex((s) => s.set.some((e) => e === el || e.contains(el) || el.contains(e)));

  // Cut again, staying on what was on screen (or going where the quiz just moved focus).
  let place = null; // where to stay after the next cut (the question R revealed)
  function rebuild(target) {
    const was = deck[index];
    const keep = was && was.set.find((e) => !(was.set.some((o) => o !== e && o.contains(e))) && !e.matches("h1, h2, h3, .slides-revealed"));
    build();
    let at = -1;
    if (target) at = slideOf(target);
    if (at < 0 && place) at = slideOf(place);
    place = null;
    const active = document.activeElement;
    if (at < 0 && active && active !== article && article.contains(active)) at = slideOf(active);
    if (at < 0 && keep) at = slideOf(keep);
    go(at < 0 ? index : at, false);
    if (target && onScreen(target)) target.focus({ preventScroll: true });
    else if (!active || !onScreen(active)) article.focus({ preventScroll: true });
  }

  function revealAnswers() {
    const form = currentQuestion();
    if (!form) return;
    place = form.querySelector("legend") || form;
    form.dispatchEvent(new CustomEvent("etika:reveal"));
  }

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (root.requestFullscreen) root.requestFullscreen().catch(() => {});
  }

  function leave() {
    params.delete("slides");
    const anchor = deck[index].anchor;
    const rest = params.toString();
    location.href = `${location.pathname}${rest ? `?${rest}` : ""}${anchor && anchor.id ? `#${anchor.id}` : ""}`;
  }

  // ---- keys: arrows, presentation clickers (PageUp/PageDown), Space, Home/End, F, R, Esc --------
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    // Space keeps its meaning on a button or an option (it presses or chooses); arrows always
    // change the slide, even from an option: a clicker or a facilitator's arrow key must never
    // change the room's chosen answer instead.
    const inControl = target.closest && target.closest("input, textarea, select, button, a, .md-search");
    // Letter keys are only someone's typing in a text field or the search box.
    const typing = target.closest && target.closest(
      "input:not([type=radio]):not([type=checkbox]), textarea, select, [contenteditable], .md-search");
    const key = event.key;
    const moves = {
      ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1,
      ArrowLeft: -1, ArrowUp: -1, PageUp: -1,
    };
    if (key in moves && !typing && !(inControl && key === " ")) {
      event.preventDefault();
      go(index + (event.shiftKey && key === " " ? -1 : moves[key]));
    } else if (key === "Home" && !typing) { event.preventDefault(); go(0); }
    else if (key === "End" && !typing) { event.preventDefault(); go(deck.length - 1); }
    else if ((key === "f" || key === "F") && !typing) { event.preventDefault(); fullscreen(); }
    else if ((key === "r" || key === "R") && !typing) { event.preventDefault(); revealAnswers(); }
    else if (key === "Escape" && !document.fullscreenElement) { leave(); }
  });

  // ---- keeping the cut true: quizzes change what they show, screens change size ------------------
  for (const box of article.querySelectorAll(".quiz-dialogue")) {
    const steps = [...box.querySelectorAll(":scope > .quiz-step, :scope > .quiz-ending")].filter(onScreen);
    if (steps.length) currentStep.set(box, steps[steps.length - 1]);
  }
  new MutationObserver((records) => {
    let target = null;
    let changed = false;
    for (const r of records) {
      // Material marks keyboard focus with a class: not a change in what a slide shows.
      const focusOnly = (v) => (v || "").replace(/\bfocus-visible\b/, "").trim();
      if (r.attributeName === "class" && focusOnly(r.oldValue) === focusOnly(r.target.getAttribute("class"))) continue;
      changed = true;
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      for (let up = el; up && up !== article; up = up.parentElement) cuts.delete(up);
      if (r.attributeName === "hidden" && el === r.target && !el.hidden && el.matches(".quiz-step, .quiz-ending")) {
        currentStep.set(el.closest(".quiz-dialogue"), el);
        target = el.matches(".quiz-ending") ? el : el.querySelector(".quiz-lines") || el;
      }
    }
    if (changed) rebuild(target);
  }).observe(article, {
    subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["hidden", "class"], childList: true, characterData: true,
  });
  let resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { cuts.clear(); rebuild(null); }, 150);
  });

  build();
  const asked = parseInt(params.get("slides"), 10);
  go(Number.isFinite(asked) ? asked - 1 : 0, false);
  root.classList.remove("is-slides-pending");
})();
