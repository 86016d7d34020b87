// The record of completion (scripts/etika/site/certificate.py renders it). Reads the progress
// quiz.js keeps; the typed name lives only in this page's DOM: it is never written to storage,
// the address or the network, and printing is the browser's own (to paper or PDF).
(() => {
  "use strict";
  const box = document.querySelector("[data-certificate]");
  if (!box) return;

  // The SCORM package marks its pages (scorm-bridge.js); there the LMS issues the certificate.
  function insideLms() {
    return document.documentElement.hasAttribute("data-lms");
  }

  // The same choice as quiz.js's progressStore(): this tab's sessionStorage once the learner
  // chose "Don't keep my progress on this computer", else localStorage.
  function progress() {
    try {
      const store = sessionStorage.getItem("etika-session-only") ? sessionStorage : localStorage;
      const data = JSON.parse(store.getItem(window.etikaProgressKey || "etika-progress"));
      return data && data.version === 1 && data.quizzes ? data.quizzes : {};
    } catch (error) {
      return {}; // storage switched off or a record we cannot read
    }
  }

  const words = JSON.parse(box.querySelector(".certificate__words").textContent);
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
  const shortDate = (iso) => iso.split("-").reverse().join(".");
  const part = (name) => box.querySelector(`.certificate__${name}`);

  box.querySelector(".certificate__no-js").hidden = true;
  if (insideLms()) {
    part("lms").hidden = false;
    return;
  }

  const saved = progress();
  let done = 0;
  const rows = [...box.querySelectorAll("tr[data-certificate-quiz]")];
  for (const row of rows) {
    const entry = saved[row.dataset.certificateQuiz];
    const finished = Boolean(entry && entry.done && typeof entry.date === "string");
    if (finished) {
      done += 1;
      row.querySelector(".certificate__date").textContent = shortDate(entry.date);
      row.querySelector(".certificate__best").textContent = fill(words.best_value, entry);
    }
    const todo = box.querySelector(`li[data-certificate-quiz="${CSS.escape(row.dataset.certificateQuiz)}"]`);
    todo.hidden = finished;
  }
  const complete = done === rows.length;
  const count = part("count");
  count.textContent = fill(complete ? words.ready : words.todo, { done, total: rows.length });
  part("todo").hidden = false;
  box.querySelector(".certificate__todo ul").hidden = complete;
  part("record").hidden = false;
  for (const element of box.querySelectorAll("[data-certificate-only]")) element.hidden = !complete;
  if (!complete) return;

  const form = part("form");
  const name = form.querySelector("input");
  const status = part("status");
  const nameSlot = box.querySelector("[data-certificate-name]");
  box.querySelector("[data-certificate-date]").textContent = shortDate(new Date().toISOString().slice(0, 10));
  form.hidden = false;
  name.addEventListener("input", () => {
    nameSlot.textContent = name.value.trim();
    status.textContent = "";
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault(); // nothing is submitted anywhere
    if (!name.value.trim()) {
      status.textContent = words.name_first;
      name.focus();
      return;
    }
    window.print();
  });
})();
