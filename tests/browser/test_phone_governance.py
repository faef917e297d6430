"""The governance and CAPE pages on a 390 px and a 320 px phone, read by
someone who may read little: plain French, no raw value ("false", ISO
dates, "4.50"), the group's jargon explained where it shows (how a vote is
decided, the votes needed, the "soucieux"), whole rows and buttons a thumb
hits (44 px high at least, their text not cut), a way back on every page."""
import re

import pytest

from conftest import login, rpc_admin

OPEN_DECISION = "Acheter une deuxième machine à coudre"  # majority, quorum 3
BLOCKED_DECISION = "Ouvrir le tiers-lieu le dimanche"  # consent, blocked
# Raw values: ISO dates and dotted decimals anywhere, a boolean or None as
# the whole text of an element (members may write "True" in their own
# words).
RAW = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d+\.\d+\b")
RAW_WORDS = """() => Array.from(document.querySelectorAll('main *'))
    .flatMap(el => Array.from(el.childNodes))
    .filter(node => node.nodeType === Node.TEXT_NODE
            && /^(false|true|none)$/i.test(node.textContent.trim()))
    .map(node => node.textContent.trim())"""
# Tappable things of the page itself (not the header's menu).
TARGETS = """() => Array.from(document.querySelectorAll(
        'main .btn, main a.list-group-item, main button'))
    .filter(el => el.offsetParent !== null)
    .map(el => ({text: el.innerText.trim().slice(0, 40),
                 height: el.getBoundingClientRect().height,
                 cut: el.scrollWidth > el.clientWidth + 1}))"""


def decision_id(url, name):
    ids = rpc_admin(url, "kpa.decision", "search", [("name", "=", name)])
    assert ids, "no demo decision %r" % name
    return ids[0]


def old_charter_id(url):
    ids = rpc_admin(url, "kpa.charter", "search", [
        ("name", "=", "Charte de La Cape"), ("state", "=", "superseded")])
    assert ids, "no earlier version of the demo charter"
    return ids[0]


def main_text(page):
    return page.inner_text("main")


def check_phone_page(page, back_to):
    """What every governance and CAPE page must give on a phone."""
    text = main_text(page)
    assert not RAW.findall(text), RAW.findall(text)
    assert not page.evaluate(RAW_WORDS)
    small = [t for t in page.evaluate(TARGETS)
             if t["height"] < 44 or t["cut"]]
    assert not small, "too small or cut: %s" % small
    back = page.locator("main a.o_kpa_back[href='%s']" % back_to)
    assert back.count() == 1, "no way back to %s" % back_to
    box = back.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 0.8 * page.viewport_size[
        "width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= \
        page.viewport_size["width"], "the page scrolls sideways"


def test_open_vote_says_how_the_group_decides(small_phone, odoo_url):
    page = small_phone
    login(page, odoo_url, "samir")
    page.goto("%s/my/decisions/%d" % (odoo_url, decision_id(
        odoo_url, OPEN_DECISION)))
    text = main_text(page)
    # "Majorité" explained, the quorum said in a sentence with the count.
    assert "À la majorité" in text
    assert "s'il y a plus de «\u00a0D'accord\u00a0» que de " \
        "«\u00a0Pas d'accord\u00a0»" in text
    assert "Votes nécessaires" not in text
    assert re.search(r"Pour que le vote compte, il faut au moins 3 votes",
                     text), text
    assert re.search(r"Votes déjà donnés : \d+", text)
    assert "S'abstenir, c'est laisser les autres décider" in text
    assert "fait du tort au KPA" in text
    for position in ("agree", "abstain", "disagree", "block"):
        button = page.locator("button[value=%s]" % position)
        assert button.bounding_box()["height"] >= 44
    check_phone_page(page, "/my/decisions")


def test_closed_vote_says_why_in_a_sentence(small_phone, odoo_url):
    page = small_phone
    login(page, odoo_url, "samir")
    page.goto("%s/my/decisions/%d" % (odoo_url, decision_id(
        odoo_url, BLOCKED_DECISION)))
    outcome = page.inner_text(".o_kpa_outcome")
    assert "La proposition est rejetée." in outcome
    assert "Quelqu'un l'a bloquée." in outcome
    assert "Rejetée:" not in outcome and "Bloquée." not in outcome
    assert "Par consentement : la proposition passe si personne ne la " \
        "bloque." in main_text(page)
    check_phone_page(page, "/my/decisions")


@pytest.mark.parametrize("path,back_to", [
    ("/my/decisions", "/my/home"),
    ("/my/charter", "/my/home"),
    ("/my/charter/%(old_charter)d", "/my/charter"),
    ("/my/logbook", "/my/home"),
    ("/my/topics", "/my/home"),
    ("/my/meetings", "/my/home"),
    ("/my/cape", "/my/home"),
])
def test_every_page_has_big_targets_and_a_way_back(
        small_phone, odoo_url, path, back_to):
    page = small_phone
    login(page, odoo_url, "samir")
    page.goto(odoo_url + path % {"old_charter": old_charter_id(odoo_url)})
    check_phone_page(page, back_to)


def test_charter_versions_in_plain_words(small_phone, odoo_url):
    page = small_phone
    login(page, odoo_url, "samir")
    page.goto(odoo_url + "/my/charter")
    text = main_text(page)
    assert "La charte, ce sont les règles que le groupe a choisies" in text
    assert "Charte de La Cape, version 2" in text
    assert re.search(r"En vigueur depuis le \d\d/\d\d/\d{4}", text), text
    assert " ," not in text
    old = page.locator(".o_kpa_charter_history a.list-group-item")
    assert old.count() == 1 and old.bounding_box()["height"] >= 44
    with page.expect_navigation():
        old.click()
    text = main_text(page)
    assert "C'est une ancienne version : elle n'est plus en vigueur." in text
    assert re.search(r"En vigueur du \d\d/\d\d/\d{4} au \d\d/\d\d/\d{4}",
                     text), text


def test_roles_explain_the_soucieux(small_phone, odoo_url):
    page = small_phone
    login(page, odoo_url, "samir")
    page.goto(odoo_url + "/my/meetings")
    help_text = page.inner_text(".o_kpa_roles_help")
    assert "soucieux" in help_text and "soucieuse" in help_text
    assert "la personne qui veille à ce que le travail soit fait" in help_text
    roles = page.inner_text(".o_kpa_roles")
    assert "Soucieux ou soucieuse : Samir Haddad" in roles
    # The meeting's hour said the French way, in Paris time.
    assert re.search(r"\w+ \d+ \w+ à 18:00", page.inner_text(
        ".o_kpa_meeting .panel-heading"))


def test_cape_in_plain_words(small_phone, odoo_url):
    """Inès's CAPE ends in a few days (state "pending"): Odoo's French says
    "À renouveller"; the member reads what it means for her."""
    page = small_phone
    login(page, odoo_url, "ines")
    page.goto(odoo_url + "/my/cape")
    text = main_text(page)
    assert "renouveller" not in text
    assert "Se termine bientôt" in page.inner_text(".o_kpa_cape_state")
    assert "parlez de la suite avec la personne qui vous accompagne" in text
    assert "Le CAPE est votre contrat avec" in text
    assert "Qui vous accompagne" in text and "Nadia Benali" in text
    # The allowance by its name, not its code alone.
    assert "allocation d'aide au retour à l'emploi" in text
    assert "Mon CAPE" in page.inner_text(".o_portal_submenu")
    check_phone_page(page, "/my/home")
