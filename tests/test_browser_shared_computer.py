"""A shared office computer, in Chromium: "Don't keep my progress on this computer" keeps
progress in this tab's session only, and "Delete my data" leaves no key of ours behind."""

from __future__ import annotations

import pytest
from a11y import assert_accessible
from site_pages import page_url

SWITCH = {
    "lv": "Neglabāt progresu šajā datorā",
    "en": "Don\u2019t keep my progress on this computer",
}
ON = {"lv": "Ieslēgts: progress tiek glabāts tikai", "en": "On: your progress is kept only"}
OFF = {"lv": "Izslēgts:", "en": "Off:"}
DELETE = {"lv": "Dzēst manus datus", "en": "Delete my data"}
STORAGES = """() => Object.fromEntries([["local", localStorage], ["session", sessionStorage]].map(
    ([name, s]) => [name, Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]))]))"""


def storages(page) -> dict[str, dict[str, str]]:
    return page.evaluate(STORAGES)


def answer_one_question(page) -> str:
    """Answers the first question of the first scenario page; returns its quiz id."""
    page.goto(page_url("lv", "scenarios-situation"))
    form = page.locator(".quiz-question").first
    form.locator("input").first.check()
    form.locator(".quiz-check").click()
    return form.evaluate("f => f.closest('section.quiz').dataset.quiz")


def switch_by_keyboard(page, lang: str):
    """Tabs from the last link of the progress table to the switch and presses Space."""
    page.locator(".quiz-progress tbody a").last.focus()
    page.keyboard.press("Tab")
    switch = page.get_by_role("switch", name=SWITCH[lang])
    assert switch.evaluate("el => el === document.activeElement")
    page.keyboard.press("Space")
    return switch


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_switch_is_a_keyboard_switch_that_says_whether_it_is_on(page, lang):
    page.goto(page_url(lang, "progress"))
    status = page.locator("#shared-computer-status")
    assert status.is_visible() and status.inner_text().startswith(OFF[lang])
    switch = switch_by_keyboard(page, lang)
    assert switch.is_checked()
    assert status.get_attribute("role") == "status"  # a live region: the change is announced
    assert status.inner_text().startswith(ON[lang])
    page.keyboard.press("Space")
    assert not switch.is_checked()
    assert status.inner_text().startswith(OFF[lang])


def test_with_the_switch_on_progress_is_kept_in_this_session_only(page, browser, base_url):
    page.goto(page_url("lv", "progress"))
    switch_by_keyboard(page, "lv")
    quiz = answer_one_question(page)
    saved = storages(page)
    assert "etika-progress" not in saved["local"]
    assert quiz in saved["session"]["etika-progress"]
    page.goto(page_url("lv", "progress"))
    assert page.get_by_role("switch", name=SWITCH["lv"]).is_checked()
    row = page.locator(f'tr[data-quiz-id="{quiz}"] .quiz-progress__status')
    assert row.inner_text() != "Vēl nav pildīts"
    # Another visitor of the same browser (a new context: a closed tab's session is gone).
    other = browser.new_context(base_url=base_url)
    try:
        tab = other.new_page()
        tab.goto(page_url("lv", "progress"))
        assert storages(tab) == {"local": {}, "session": {}}
        status = tab.locator(f'tr[data-quiz-id="{quiz}"] .quiz-progress__status')
        assert status.inner_text() == "Vēl nav pildīts"
        assert not tab.get_by_role("switch", name=SWITCH["lv"]).is_checked()
    finally:
        other.close()


def test_switching_off_again_keeps_progress_in_this_browser(page):
    page.goto(page_url("lv", "progress"))
    switch = switch_by_keyboard(page, "lv")
    quiz = answer_one_question(page)
    page.goto(page_url("lv", "progress"))
    switch.focus()
    page.keyboard.press("Space")
    assert not switch.is_checked()
    saved = storages(page)
    assert quiz in saved["local"]["etika-progress"]
    assert not [key for key in saved["session"] if key.startswith("etika")]
    answer_one_question(page)
    assert "etika-progress" in storages(page)["local"]


def test_delete_my_data_leaves_no_key_of_ours_in_either_storage(page):
    page.goto(page_url("lv", "progress"))
    page.evaluate(
        """() => {
        localStorage.setItem("etika-progress", JSON.stringify({version: 1, quizzes: {"first-contact":
            {done: true, best: 2, total: 2, date: "2025-01-02"}}}));
        localStorage.setItem("/.__palette", "{}");
        localStorage.setItem("another-site", "kept");
        sessionStorage.setItem("etika-progress", "{}");
        sessionStorage.setItem("etika-session-only", "1");
        sessionStorage.setItem("another-site", "kept");
    }"""
    )
    page.reload()
    assert page.get_by_role("switch", name=SWITCH["lv"]).is_checked()
    button = page.get_by_role("button", name=DELETE["lv"])
    button.focus()
    page.keyboard.press("Enter")
    # Deleting asks first, in the page: nothing is gone until the learner confirms.
    assert "etika-progress" in storages(page)["local"]
    page.get_by_role("button", name="Jā, dzēst").click()
    assert storages(page) == {
        "local": {"another-site": "kept"},
        "session": {"another-site": "kept"},
    }
    assert page.locator(".quiz-progress .quiz-status").inner_text() == (
        "Visi šīs vietnes dati šajā pārlūkā ir izdzēsti."
    )
    assert not page.get_by_role("switch", name=SWITCH["lv"]).is_checked()
    status = page.locator('tr[data-quiz-id="first-contact"] .quiz-progress__status')
    assert status.inner_text() == "Vēl nav pildīts"


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_axe_finds_nothing_on_the_progress_page_with_the_switch_on(page, axe, lang):
    page.goto(page_url(lang, "progress"))
    switch_by_keyboard(page, lang)
    assert_accessible(axe, page)
