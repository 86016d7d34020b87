// Quiz behaviour on top of the server-rendered HTML (scripts/etika/quiz/render.py).
// Without this script every quiz still reads as a worked example. Dependency-free; text is
// written with textContent only; progress stays in this browser (progressStore()).
(() => {
  "use strict";
  // Inside the SCORM package, scorm-bridge.js names a key of the LMS session's own.
  const STORE = window.etikaProgressKey || "etika-progress";
  const VERSION = 1;

  // Where progress lives: this tab's sessionStorage once the learner chose "Don't keep my
  // progress on this computer" (shared-computer.js sets the flag), else localStorage.
  function progressStore() {
    try {
      return sessionStorage.getItem("etika-session-only") ? sessionStorage : localStorage;
    } catch (error) {
      return localStorage; // storage switched off: every use below already copes
    }
  }

  // ---- progress storage: versioned, and never trusted ----------------------------------------
  // What we do not understand we keep: a record from a newer version of the site (say, a
  // visitor who went back to an old copy) is never written over, and an entry we cannot read
  // is stored back as it was.
  function readStore() {
    try {
      const data = JSON.parse(progressStore().getItem(STORE));
      const fine = data && Number.isInteger(data.version) && data.quizzes
        && typeof data.quizzes === "object" && !Array.isArray(data.quizzes);
      if (!fine) return { quizzes: {}, raw: {}, writable: true };
      const clean = {};
      for (const [id, entry] of Object.entries(data.quizzes)) {
        if (entry && typeof entry.done === "boolean" && Number.isInteger(entry.best)
            && Number.isInteger(entry.total) && typeof entry.date === "string") clean[id] = entry;
      }
      if (data.version !== VERSION) return { quizzes: {}, raw: data.quizzes, writable: data.version < VERSION };
      return { quizzes: clean, raw: data.quizzes, writable: true };
    } catch (error) {
      return { quizzes: {}, raw: {}, writable: true }; // corrupt JSON or storage switched off
    }
  }

  function readProgress() {
    return readStore().quizzes;
  }

  function writeProgress(quizzes) {
    // In the slide view the answers are the room's, not this browser's learner's.
    if (document.documentElement.classList.contains("is-slides")) return;
    const store = readStore();
    if (!store.writable) return; // a newer site's record: leave it whole
    const saved = { version: VERSION, quizzes: { ...store.raw, ...quizzes } };
    try {
      progressStore().setItem(STORE, JSON.stringify(saved));
    } catch (error) {
      /* storage full or disabled: the quiz still works, it just is not remembered */
    }
    announce(saved);
  }

  // Whoever keeps a copy of the progress (the SCORM bridge, for the LMS) hears of every change.
  const announce = (saved) => document.dispatchEvent(new CustomEvent("etika:progress", { detail: saved }));

  function record(quizId, results, total) {
    const scores = Object.values(results);
    const score = scores.reduce((sum, value) => sum + value, 0);
    const done = scores.length === total;
    const quizzes = readProgress();
    const before = quizzes[quizId];
    quizzes[quizId] = {
      done: done || Boolean(before && before.done),
      best: Math.max(done ? score : 0, before ? before.best : 0),
      total,
      date: new Date().toISOString().slice(0, 10),
    };
    writeProgress(quizzes);
    return { score, done };
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  const data = (root) => JSON.parse(root.querySelector(":scope > .quiz__data").textContent);
  const show = (element, on) => { element.hidden = !on; };

  function say(status, text) {
    status.textContent = text;
    status.tabIndex = -1;
  }

  // ---- scenario questions ---------------------------------------------------------------------
  // The verdict names what went wrong: one wrong choice or several, and right answers left out
  // (on a single-choice question a wrong pick says all of it).
  function verdict(item, chosen, words, single) {
    const wrong = chosen.filter((id) => !item.correct.includes(id)).length;
    const missed = item.correct.some((id) => !chosen.includes(id));
    const parts = [];
    if (!wrong && !missed) parts.push(words.answer_right);
    else if (single) parts.push(words.answer_wrong_single);
    else {
      if (wrong) parts.push(wrong === 1 ? words.answer_wrong_one : words.answer_wrong_several);
      if (missed) parts.push(words.answer_missed);
    }
    return [...parts, words.answer_read].join(" ");
  }

  function setUpQuestion(form, item, words, report) {
    const inputs = [...form.querySelectorAll("input")];
    const check = form.querySelector(".quiz-check");
    const retry = form.querySelector(".quiz-retry");
    const status = form.querySelector(".quiz-status");
    show(check, true);

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
      if (chosen.length === 0) {
        say(status, words.choose_first);
        inputs[0].focus();
        return;
      }
      let allRight = chosen.length === item.correct.length;
      for (const wrapper of form.querySelectorAll(".quiz-option")) {
        const id = wrapper.dataset.option;
        const picked = chosen.includes(id);
        const right = item.correct.includes(id);
        if (picked !== right) allRight = false;
        const verdict = wrapper.querySelector(".quiz-verdict");
        verdict.textContent = right ? (picked ? words.right : words.missed) : words.not_quite;
        wrapper.classList.toggle("is-shown", picked || right);
        wrapper.classList.toggle("is-right", right);
        wrapper.classList.toggle("is-wrong", picked && !right);
      }
      inputs.forEach((input) => { input.disabled = true; });
      form.classList.add("is-checked");
      show(check, false);
      show(retry, true);
      say(status, verdict(item, chosen, words, inputs[0].type === "radio"));
      status.focus();
      report(item.id, allRight ? 1 : 0);
    });

    // Group mode (workshop.js, key R): show the room every option's verdict and feedback after
    // the discussion. Nothing is recorded: it is the room's answer, not this browser's learner's.
    form.addEventListener("etika:reveal", () => {
      for (const wrapper of form.querySelectorAll(".quiz-option")) {
        const right = item.correct.includes(wrapper.dataset.option);
        wrapper.querySelector(".quiz-verdict").textContent = right ? words.right : words.not_quite;
        wrapper.classList.add("is-shown");
        wrapper.classList.toggle("is-right", right);
        wrapper.classList.remove("is-wrong");
      }
      inputs.forEach((input) => { input.disabled = true; });
      form.classList.add("is-checked");
      show(check, false);
      show(retry, true);
      say(status, words.revealed);
    });

    retry.addEventListener("click", () => {
      for (const wrapper of form.querySelectorAll(".quiz-option")) {
        wrapper.classList.remove("is-shown", "is-right", "is-wrong");
      }
      inputs.forEach((input) => { input.disabled = false; input.checked = false; });
      form.classList.remove("is-checked");
      status.textContent = "";
      show(retry, false);
      show(check, true);
      inputs[0].focus();
    });
  }

  // ---- branching dialogues --------------------------------------------------------------------
  function setUpDialogue(box, item, words, report) {
    const steps = new Map([...box.querySelectorAll(".quiz-step")].map((s) => [s.dataset.step, s]));
    const endings = new Map([...box.querySelectorAll(".quiz-ending")].map((e) => [e.dataset.ending, e]));
    const restart = box.querySelector(".quiz-restart");

    function reset() {
      for (const step of steps.values()) {
        show(step, false);
        step.classList.remove("is-answered");
        step.querySelectorAll("input").forEach((input) => { input.disabled = false; input.checked = false; });
        step.querySelectorAll(".quiz-option").forEach((w) => w.classList.remove("is-shown"));
        show(step.querySelector(".quiz-check"), true);
        step.querySelector(".quiz-status").textContent = "";
      }
      for (const ending of endings.values()) show(ending, false);
      show(restart, false);
    }

    function go(target) {
      const next = steps.get(target) || endings.get(target);
      show(next, true);
      // An ending is a labelled group (its outcome and title), so focus announces it; a step
      // is announced from its first lines.
      const focusable = endings.has(target) ? next : next.querySelector(".quiz-lines") || next;
      focusable.tabIndex = -1;
      // Its first line at the top, below the sticky header (scroll-margin-top in quiz.css), not
      // wherever focus would scroll it: on a phone, the outcome before the debrief. The slide
      // view places it itself.
      if (!document.documentElement.classList.contains("is-slides")) next.scrollIntoView({ block: "start" });
      focusable.focus({ preventScroll: true });
      if (endings.has(target)) {
        show(restart, true);
        report(item.id, item.endings[target] === "supportive" ? 1 : 0);
      }
    }

    for (const [id, step] of steps) {
      const status = step.querySelector(".quiz-status");
      step.addEventListener("submit", (event) => {
        event.preventDefault();
        const chosen = step.querySelector("input:checked");
        if (!chosen) {
          say(status, words.choose_first);
          step.querySelector("input").focus();
          return;
        }
        const wrapper = chosen.closest(".quiz-option");
        wrapper.classList.add("is-shown");
        step.querySelectorAll("input").forEach((input) => { input.disabled = true; });
        step.classList.add("is-answered");
        show(step.querySelector(".quiz-check"), false);
        say(status, words.reply_said);
        // The link is described by the feedback (aria-describedby), so focus reads it out.
        const onward = wrapper.querySelector(".quiz-next a");
        onward.focus();
      });
      for (const link of step.querySelectorAll(".quiz-next a")) {
        link.addEventListener("click", (event) => {
          event.preventDefault();
          const choice = link.closest(".quiz-option").dataset.option;
          show(link.closest(".quiz-next"), false);
          go(item.steps[id][choice]);
        });
      }
    }
    restart.addEventListener("click", () => {
      reset();
      box.querySelectorAll(".quiz-next").forEach((p) => show(p, true));
      go(item.start);
    });
    reset();
    show(steps.get(item.start), true);
  }

  // ---- a whole quiz ---------------------------------------------------------------------------
  function setUpQuiz(root) {
    const quiz = data(root);
    const words = quiz.words;
    const results = {};
    const score = root.querySelector(":scope > .quiz__score");
    const report = (itemId, value) => {
      results[itemId] = value;
      const outcome = record(quiz.id, results, quiz.items.length);
      if (outcome.done) score.textContent = fill(words.score, { score: outcome.score, total: quiz.items.length });
    };
    root.classList.add("quiz--enhanced");
    for (const item of quiz.items) {
      const element = root.querySelector(`[data-item="${CSS.escape(item.id)}"]`);
      if (item.kind === "question") setUpQuestion(element, item, words, report);
      else setUpDialogue(element, item, words, report);
    }
  }

  // ---- the "My progress" page -----------------------------------------------------------------
  function setUpProgress(box) {
    const { words } = data(box);
    const status = box.querySelector(".quiz-status");
    const reset = box.querySelector(".quiz-reset");
    function render() {
      const saved = readProgress();
      for (const row of box.querySelectorAll("tr[data-quiz-id]")) {
        const entry = saved[row.dataset.quizId];
        const cell = row.querySelector(".quiz-progress__status");
        if (!entry) cell.textContent = words.not_started;
        else if (!entry.done) cell.textContent = words.in_progress;
        else cell.textContent = fill(words.done, { date: entry.date.split("-").reverse().join("."), best: entry.best, total: entry.total });
      }
    }
    // Deleting asks first, in the page: focus goes to Cancel, Escape cancels, and focus comes
    // back to the reset button whichever way the question closes.
    const confirm = box.querySelector(".quiz-confirm");
    const cancel = confirm.querySelector(".quiz-confirm__cancel");
    const ask = (open) => {
      show(confirm, open);
      show(reset, !open);
      (open ? cancel : reset).focus();
    };
    show(reset, true);
    reset.addEventListener("click", () => { status.textContent = ""; ask(true); });
    cancel.addEventListener("click", () => ask(false));
    confirm.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { event.preventDefault(); ask(false); }
    });
    confirm.querySelector(".quiz-confirm__yes").addEventListener("click", () => {
      try { progressStore().removeItem(STORE); } catch (error) { /* nothing stored */ }
      announce({ version: VERSION, quizzes: {} });
      render();
      ask(false);
      say(status, words.reset_done);
    });
    render();
  }

  document.querySelectorAll("section.quiz[data-quiz]").forEach(setUpQuiz);
  document.querySelectorAll("[data-quiz-progress]").forEach(setUpProgress);
})();
