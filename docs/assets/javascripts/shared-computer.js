// "Don't keep my progress on this computer" on the "My progress" page (markup:
// scripts/etika/quiz/shared_computer.py). While the switch is on, quiz.js's progressStore() is this
// tab's sessionStorage, so closing the tab leaves nothing behind; "Delete my data" removes every
// key the site wrote, in both storages.
(() => {
  "use strict";
  const box = document.querySelector("[data-shared-computer]");
  if (!box) return;
  const FLAG = "etika-session-only";
  const toggle = box.querySelector("input");
  const status = box.querySelector("[role=status]");

  const keys = (store) => Array.from({ length: store.length }, (_, i) => store.key(i));
  // Our progress (under whatever namespace) and Material's own keys for this site ("<path>.__x").
  const ours = (key) => key.startsWith("etika")
    || (/\.__\w+$/.test(key) && location.pathname.startsWith(key.slice(0, key.lastIndexOf(".__"))));

  // Progress goes with the learner's choice, so switching never loses or duplicates it.
  function move(from, to) {
    for (const key of keys(from).filter((k) => k.startsWith("etika-progress"))) {
      to.setItem(key, from.getItem(key));
      from.removeItem(key);
    }
  }

  function show() {
    toggle.checked = Boolean(sessionStorage.getItem(FLAG));
    status.textContent = toggle.checked ? box.dataset.on : box.dataset.off;
  }

  try {
    show();
  } catch (error) {
    return; // storage switched off: there is nothing to keep or delete
  }
  box.hidden = false;
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      move(localStorage, sessionStorage);
      sessionStorage.setItem(FLAG, "1");
    } else {
      sessionStorage.removeItem(FLAG);
      move(sessionStorage, localStorage);
    }
    show();
  });
  // The progress table's delete, once the learner confirmed it in the page (quiz.js clears the
  // progress and redraws the table).
  const yes = document.querySelector(".quiz-confirm__yes");
  if (yes) {
    yes.addEventListener("click", () => {
      for (const store of [localStorage, sessionStorage]) keys(store).filter(ours).forEach((k) => store.removeItem(k));
      show();
    });
  }
})();
