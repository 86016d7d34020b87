// The SCORM 1.2 launch page (scorm.html, written by scripts/etika/publish/scorm.py). It owns the
// LMS session for the whole visit and shows the site in a frame, so loading a page inside never
// ends the session: LMSInitialize when the module opens, LMSFinish once when it closes.
// Without an LMS (opened from disk or a plain web server) it steps aside and opens the site.
//
// What the LMS learns (README "SCORM package"):
//   cmi.suspend_data   the learner's progress (what quiz.js keeps), compacted (at most 4096 chars)
//   cmi.core.score     0-100, the share of the module's quizzes completed (the best reported)
//   lesson_status      incomplete on the first visit, completed once every quiz is done
//   cmi.core.exit      suspend until completed; session_time as HHHH:MM:SS.SS
(() => {
  "use strict";
  const SUSPEND_LIMIT = 4096; // SCORM 1.2's limit for cmi.suspend_data
  const FORMAT = "1"; // the compact format's version, first field of suspend_data
  const config = JSON.parse(document.getElementById("etika-scorm").textContent);
  const frame = document.getElementById("etika-site");

  // ---- finding the LMS: the ADL algorithm (window.parent up to 7 levels, then the opener) ---
  function apiAbove(win) {
    for (let level = 0; win && level <= 7; level += 1) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) {
        /* a window of another origin: look further up */
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  const api = (window.parent !== window && apiAbove(window.parent))
    || (window.opener && apiAbove(window.opener)) || null;
  const set = (element, value) => api.LMSSetValue(element, String(value));
  const get = (element) => String(api.LMSGetValue(element) ?? "");

  if (!api || String(api.LMSInitialize("")) !== "true") {
    location.replace(config.start); // no LMS: the site as usual
    return;
  }

  // ---- progress <-> cmi.suspend_data --------------------------------------------------------
  // One entry per quiz: id,done,best,total,yyyymmdd; the module's quizzes first, so that if
  // ever the limit is reached, what is dropped is an entry the module no longer has.
  function compact(quizzes) {
    const valid = ([, e]) => e && typeof e.done === "boolean" && Number.isInteger(e.best)
      && Number.isInteger(e.total) && /^\d{4}-\d{2}-\d{2}$/.test(e.date);
    const ours = (id) => (config.quizzes.includes(id) ? 0 : 1);
    const entries = Object.entries(quizzes || {}).filter(valid)
      .sort(([a], [b]) => ours(a) - ours(b) || a.localeCompare(b));
    let text = FORMAT;
    for (const [id, e] of entries) {
      const entry = `;${id},${e.done ? 1 : 0},${e.best},${e.total},${e.date.replace(/-/g, "")}`;
      if (text.length + entry.length > SUSPEND_LIMIT) break;
      text += entry;
    }
    return text === FORMAT ? "" : text;
  }

  function expand(text) {
    const [format, ...entries] = text.split(";");
    if (format !== FORMAT) return {};
    const quizzes = {};
    for (const entry of entries) {
      const [id, done, best, total, date] = entry.split(",");
      if (!/^[a-z0-9-]+$/.test(id || "") || !/^\d{8}$/.test(date || "")) continue;
      quizzes[id] = {
        done: done === "1",
        best: Number.parseInt(best, 10) || 0,
        total: Number.parseInt(total, 10) || 0,
        date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`,
      };
    }
    return quizzes;
  }

  // ---- the session ----------------------------------------------------------------------------
  const started = Date.now();
  const pad = (n, width) => String(n).padStart(width, "0");
  function sessionTime() {
    const cs = Math.floor((Date.now() - started) / 10);
    const hours = Math.min(Math.floor(cs / 360000), 9999);
    return `${pad(hours, 4)}:${pad(Math.floor(cs / 6000) % 60, 2)}:`
      + `${pad(Math.floor(cs / 100) % 60, 2)}.${pad(cs % 100, 2)}`;
  }

  // One key per package (the folder the LMS serves it from) and learner: two packages, or two
  // learners of one shared computer, on the same LMS origin never read each other's progress.
  const key = `etika-progress@${new URL(".", location.href).pathname}#${get("cmi.core.student_id")}`;
  // The LMS holds the learner's record: it is the progress, on this computer or any other.
  const restored = expand(get("cmi.suspend_data"));
  try {
    if (Object.keys(restored).length) {
      localStorage.setItem(key, JSON.stringify({ version: 1, quizzes: restored }));
    } else {
      localStorage.removeItem(key);
    }
  } catch (error) {
    /* storage switched off: quizzes still work, the LMS still hears every result */
  }

  let status = get("cmi.core.lesson_status");
  // The score never goes down: a reset of "My progress" clears the progress, not the record.
  let best = Number.parseFloat(get("cmi.core.score.raw")) || 0;
  const completed = () => status === "completed" || status === "passed";
  if (status === "" || status === "not attempted") {
    status = "incomplete";
    set("cmi.core.lesson_status", status);
    set("cmi.core.exit", "suspend");
    api.LMSCommit("");
  }

  function report(record) {
    const quizzes = (record && record.quizzes) || {};
    const done = config.quizzes.filter((id) => quizzes[id] && quizzes[id].done === true).length;
    best = Math.max(best, Math.floor((100 * done) / config.quizzes.length));
    set("cmi.suspend_data", compact(quizzes));
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", best);
    if (done === config.quizzes.length && !completed()) {
      status = "completed";
      set("cmi.core.lesson_status", status);
    }
    set("cmi.core.exit", completed() ? "" : "suspend");
    set("cmi.core.session_time", sessionTime());
    api.LMSCommit("");
  }

  let finished = false;
  window.addEventListener("pagehide", () => {
    if (finished) return;
    finished = true;
    set("cmi.core.exit", completed() ? "" : "suspend");
    set("cmi.core.session_time", sessionTime());
    api.LMSFinish("");
  });

  // Read by scorm-bridge.js in every page of the frame.
  window.etikaScorm = { key, report };

  // The frame's page names the launch page too, for the browser tab and assistive technology.
  frame.addEventListener("load", () => {
    try {
      const title = frame.contentDocument.title;
      if (title) {
        document.title = title;
        frame.title = title;
      }
    } catch (error) {
      /* a page of another origin (opened from an outside link): keep the module's title */
    }
  });
  frame.src = config.start;
})();
