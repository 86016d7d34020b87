// Loaded in the head of every page of the SCORM build only (overrides/main.html, extra.scorm).
// When the page is shown inside the package's launch page (scorm.html, scorm-launch.js), which
// holds the LMS session, the learner's progress belongs to that session: quiz.js stores it under
// the launch page's key (one per package and learner, so two packages on one LMS origin never
// mix), and every saved result is handed to the launch page, which reports it to the LMS.
// Opened any other way, this script does nothing and the site works as it always does.
(() => {
  "use strict";
  let launch = null;
  try {
    launch = window.parent !== window ? window.parent.etikaScorm : null;
  } catch (error) {
    return; // a frame of someone else's page (another origin): not our launch page
  }
  if (!launch || typeof launch.report !== "function") return;

  // Read by quiz.js before it touches storage (this script runs first, in the head).
  window.etikaProgressKey = launch.key;
  document.documentElement.setAttribute("data-lms", "scorm12"); // the certificate page reads it
  document.addEventListener("etika:progress", (event) => launch.report(event.detail));

  // A site outside the package would replace the module inside the LMS's frame (and most sites
  // refuse to be framed): such links open in a new window instead.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (link && /^https?:$/.test(link.protocol) && link.origin !== location.origin) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  });
})();
