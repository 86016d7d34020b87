// Marks the words of a search result on the page it opened (`?h=words`, taken out of the address
// by search-on-demand.js, which loads this file and the Latvian fold only on such an arrival).
// The words are the index's folded stems ("ekspluatac"); lunr.lv's fold lines them up with the
// page's own letters ("ekspluatācija"), one for one, and Material's own <mark> style shows them.
(() => {
  const words = document.currentScript.dataset.words || "";
  const { fold } = window.etikaLatvian;
  const terms = [...new Set(words.split(" ").map(fold))].filter(Boolean);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => mark(terms));
  } else {
    mark(terms);
  }

  function mark(terms) {
    const content = document.querySelector("[data-md-component=content]");
    if (!content || !terms.length) return;
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.offsetHeight) nodes.push(node); // visible text only, as Material
    }
    for (const node of nodes) {
      const text = node.data;
      const folded = fold(text);
      if (folded.length !== text.length) continue; // positions must line up letter for letter
      const ranges = [];
      for (const term of terms) {
        for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
          ranges.push([at, at + term.length]);
        }
      }
      if (!ranges.length) continue;
      ranges.sort((a, b) => a[0] - b[0]);
      const merged = [ranges[0]];
      for (const [start, end] of ranges.slice(1)) {
        const last = merged[merged.length - 1];
        if (start <= last[1]) last[1] = Math.max(last[1], end);
        else merged.push([start, end]);
      }
      const parts = [];
      let from = 0;
      for (const [start, end] of merged) {
        parts.push(document.createTextNode(text.slice(from, start)));
        const highlight = document.createElement("mark");
        highlight.setAttribute("data-md-highlight", "");
        highlight.textContent = text.slice(start, end);
        parts.push(highlight);
        from = end;
      }
      parts.push(document.createTextNode(text.slice(from)));
      node.replaceWith(...parts);
    }
  }
})();
