"""Every slide of every page fits a projector: LV and EN, 1280x720 and 1024x768, before and after R.

The page is stepped through with the arrow key, slide by slide, inside the browser (one evaluate
per page and screen size keeps the test fast); on every slide each line of text is measured where
it is drawn. Questions are revealed with R and dialogues are played step by step as a room would.
"""

from __future__ import annotations

import pytest
from site_pages import LANGUAGES, PAGES, page_path, page_url

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 720), (1024, 768)]
MIN_TEXT_PX = 24
MIN_MARK_PX = 20  # a radio or checkbox mark as large as a lower-case letter at slide size

# Steps through the whole deck with the arrow key and returns what did not fit, per slide.
# With `play`, on each slide the room's actions happen first: R on a question, an answer and
# "Continue" in a dialogue; every state reached is measured.
STEP_THROUGH = """
async ({ play, minText, minMark }) => {
  // The slide view answers keys and quiz changes at once (a mutation observer, no timers):
  // one turn of the event loop is enough.
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const press = async (key) => {
    const target = document.activeElement || document.body;
    target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    await settle();
  };
  const counter = () => document.querySelector(".slides-counter").textContent.split("/").map((s) => parseInt(s, 10));
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const article = document.querySelector("article");
  const bar = document.querySelector(".slides-bar").getBoundingClientRect();
  const overlaps = (r) => r.right > bar.left && r.left < bar.right && r.bottom > bar.top && r.top < bar.bottom;

  function measure(state) {
    const [n, total] = counter();
    const problems = [];
    const page = document.scrollingElement;
    if (page.scrollHeight > innerHeight + 1) problems.push(`page ${page.scrollHeight}px tall`);
    if (page.scrollWidth > innerWidth + 1) problems.push(`page ${page.scrollWidth}px wide`);
    for (const box of article.querySelectorAll(".md-typeset__scrollwrap, pre")) {
      if (visible(box) && box.scrollWidth > box.clientWidth + 1) problems.push("a table scrolls sideways");
    }
    let texts = 0;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !visible(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width && r.height);
      if (!rects.length) continue;
      texts += 1;
      const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      const words = node.textContent.trim().slice(0, 30);
      if (size < minText) problems.push(`${size}px text: ${words}`);
      for (const r of rects) {
        if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) { problems.push(`off screen: ${words}`); break; }
        if (overlaps(r)) { problems.push(`under the control bar: ${words}`); break; }
      }
    }
    for (const mark of article.querySelectorAll("input[type=radio], input[type=checkbox]")) {
      if (!visible(mark)) continue;
      const r = mark.getBoundingClientRect();
      if (Math.min(r.width, r.height) < minMark) problems.push(`a ${Math.round(r.width)}px mark`);
    }
    if (!texts) problems.push("an empty slide");
    return { n, total, state, problems };
  }

  const seen = [];
  await press("Home");
  let choice = 0;
  for (let guard = 0; guard < 2000; guard += 1) {
    seen.push(measure("shown"));
    if (play) {
      const reveal = [...document.querySelectorAll(".slides-bar button")].find((b) => b.textContent.length > 1 && visible(b));
      const step = [...article.querySelectorAll(".quiz-step")].find((s) => visible(s) && s.querySelector("input:not(:disabled)") && visible(s.querySelector("input")));
      const onward = [...article.querySelectorAll(".quiz-next a")].find(visible);
      if (reveal) { await press("r"); seen.push(measure("after R")); continue; }
      if (step) {
        const inputs = [...step.querySelectorAll("input")];
        inputs[choice++ % inputs.length].click();
        step.requestSubmit();
        await settle();
        seen.push(measure("answered"));
        continue;
      }
      if (onward) { onward.click(); await settle(); seen.push(measure("next step")); continue; }
    }
    const [n, total] = counter();
    if (n >= total) break;
    await press("ArrowRight");
    if (counter()[0] !== n + 1) { seen.push({ n, total, state: "ArrowRight", problems: ["did not go on"] }); break; }
  }
  return seen;
}
"""


def step_through(page, url: str, play: bool) -> list[dict]:
    page.goto(url)
    page.wait_for_function("!document.documentElement.classList.contains('is-slides-pending')")
    return page.evaluate(
        STEP_THROUGH, {"play": play, "minText": MIN_TEXT_PX, "minMark": MIN_MARK_PX}
    )


@pytest.fixture(scope="module", params=VIEWPORTS, ids=lambda v: f"{v[0]}x{v[1]}")
def screen(request, browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport={"width": request.param[0], "height": request.param[1]}
    )
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_slide_fits_the_screen_before_and_after_the_answer_is_revealed(screen, site, lang):
    """The room's view played through (R on every question, every dialogue to its end), and the
    facilitator's view (?facilitator=1, notes shown) stepped through."""
    failures = []
    counted = 0
    for slug in PAGES:
        views = [("?slides=1", True)]
        if "admonition facilitator" in page_path(site, lang, slug).read_text(encoding="utf-8"):
            views.append(("?slides=1&facilitator=1", False))
        for query, play in views:
            url = page_url(lang, slug) + query
            slides = step_through(screen, url, play)
            counted += len(slides)
            for slide in slides:
                if slide["problems"]:
                    failures.append(
                        f"{url} {slide['n']}/{slide['total']} {slide['state']}: "
                        + "; ".join(dict.fromkeys(slide["problems"]))
                    )
    assert counted > 500  # every page and every state, not a sample
    assert not failures, "\n".join(failures[:40]) + f"\n({len(failures)} slides)"
