"""The member's pay pages on a phone, 320 and 390 px wide (issue 13, points
1, 2, 5, 7 and 8 for the pay): the week is always shown, open or validated
(or not made yet), with what is left in the pot and the most one may still
ask (drafts are no asks); plain French and values as French people read
and type them; week buttons that stop at the ends; buttons and rows a
thumb can hit (44 px), none cut at 320 px; the statement month that has
pay in it. Runs on the demo (data/demo_remuneration.py): at La Cape, last
week is validated and this week has Fatou's sent declaration and Kevin's
draft."""
import datetime
import importlib.util
import os
import re
import subprocess
import sys
import types
from decimal import Decimal

import pytest
import requests

from conftest import ROOT, login, rpc_admin, rpc_as
from test_rpc_attacks_portal import new_kpa  # noqa: F401 (a fixture)

SCREENSHOTS = os.path.join(ROOT, "docs", "screenshots")
MEMBER = "samir"


def _load(name, *path):
    spec = importlib.util.spec_from_file_location(
        name, os.path.join(ROOT, *path))
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_pot():
    """The project's pot rules (plain Python): the figures the page must
    show are computed here the same way. The pot takes its rounding from
    kpa_cooperative's services, imported as Odoo names them: this Python
    has no Odoo, so the two plain files are loaded under those names."""
    package = "odoo.addons.kpa_cooperative.services"
    parts = package.split(".")
    for depth in range(1, len(parts) + 1):
        sys.modules.setdefault(".".join(parts[:depth]), types.ModuleType(
            ".".join(parts[:depth])))
    _load(package + ".contribution", "kpa_cooperative", "services",
          "contribution.py")
    return _load("kpa_pot", "kpa_remuneration", "services", "pot.py")


pot = _load_pot()


# ----------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------
def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def this_monday():
    return monday_of(datetime.date.today())


def french_date(day):
    return day.strftime("%d/%m/%Y")


def money(text):
    """ "1 234,50 €" (any spaces, any thousands mark) -> Decimal."""
    cleaned = re.sub(r"[^\d,-]", "", text)
    return Decimal(cleaned.replace(",", "."))


def partner_of(url, login_name):
    return rpc_admin(url, "res.users", "search_read",
                     [("login", "=", login_name)],
                     fields=["partner_id"])[0]["partner_id"][0]


def kpa_id(url, code):
    return rpc_admin(url, "kpa.cooperative", "search", [("code", "=", code)],
                     context={"active_test": False})[0]


def cape_week(url, monday):
    found = rpc_admin(url, "kpa.remuneration.period", "search", [
        ("kpa_id.code", "=", "CAPE"), ("date_start", "=", monday.isoformat())])
    return found[0] if found else None


def forget_this_week(url, login_name):
    """Re-runs start clean: drop the member's open declaration of this
    week (another test may have made one)."""
    ids = rpc_admin(url, "kpa.remuneration.declaration", "search", [
        ("partner_id", "=", partner_of(url, login_name)),
        ("state", "!=", "validated"),
        ("period_id.date_start", "=", this_monday().isoformat())])
    if ids:
        rpc_admin(url, "kpa.remuneration.declaration", "unlink", ids)


def declarations_of_week(url, week):
    return rpc_admin(url, "kpa.remuneration.declaration", "search_read",
                     [("period_id", "=", week)],
                     fields=["partner_id", "state", "amount_cost"])


def rates(url):
    """The CAPE rate profile in force this week (on its Sunday), else the
    company's shares."""
    sunday = (this_monday() + datetime.timedelta(days=6)).isoformat()
    profiles = rpc_admin(url, "kpa.remuneration.rate.profile", "search_read",
                         [("kind", "=", "cape"), ("date_from", "<=", sunday),
                          "|", ("date_to", "=", False),
                          ("date_to", ">=", sunday)],
                         fields=["employee_rate", "employer_rate"], limit=1)
    if profiles:
        return profiles[0]["employee_rate"], profiles[0]["employer_rate"]
    company = rpc_admin(url, "res.company", "search_read", [],
                        fields=["kpa_employee_rate", "kpa_employer_rate"],
                        limit=1)[0]
    return company["kpa_employee_rate"], company["kpa_employer_rate"]


def touch_problems(page):
    """What a thumb cannot hit on the pay page: buttons, rows and
    disclosure lines under 44 px high, a button whose text is cut, the
    page wider than the screen."""
    return page.evaluate("""() => {
        const problems = [];
        const root = document.querySelector('.o_kpa_pay');
        const targets = root.querySelectorAll(
            '.btn, button, .list-group-item, summary, '
            + '.o_kpa_week_table tbody tr, .o_kpa_pot_figures tr');
        for (const el of targets) {
            const box = el.getBoundingClientRect();
            if (!box.width && !box.height) continue;  // hidden
            const what = el.textContent.trim().replace(/\\s+/g, ' ')
                .slice(0, 40);
            if (box.height < 44) problems.push(['low', what, box.height]);
            if (el.tagName !== 'TR' && el.scrollWidth > el.clientWidth + 1)
                problems.push(['cut', what, el.scrollWidth,
                               el.clientWidth]);
        }
        for (const table of root.querySelectorAll('table')) {
            const box = table.getBoundingClientRect();
            const room = table.parentElement.getBoundingClientRect();
            if (box.width && box.right > room.right + 1)
                problems.push(['table wider than its box', box.right,
                               room.right]);
        }
        if (root.scrollWidth > root.clientWidth + 1)
            problems.push(['wider than the screen', root.scrollWidth,
                           root.clientWidth]);
        return problems;
    }""")


def pot_figures(page):
    return {name: money(page.inner_text(".o_kpa_pot .o_kpa_" + name))
            for name in ("available", "asked", "left")}


@pytest.fixture
def validated_this_week(odoo_url):
    """This week of La Cape validated by its coordinator, as after the
    weekly session; undone afterwards by the CAE (the drafts become drafts
    again)."""
    week = cape_week(odoo_url, this_monday())
    assert week, "the demo has this week at La Cape"
    drafts = [d["id"] for d in declarations_of_week(odoo_url, week)
              if d["state"] == "draft"]
    rpc_as(odoo_url, "nadia", "kpa.remuneration.period", "action_validate",
           [week])
    try:
        yield week
    finally:
        rpc_as(odoo_url, "olivier", "kpa.remuneration.period",
               "action_undo_validation", [week])
        if drafts:
            rpc_as(odoo_url, "nadia", "kpa.remuneration.declaration",
                   "action_draft", drafts)


def submit(page, button, net=None, hours=None):
    """Fill the declaration form (what is given) and tap ``button``."""
    if net is not None:
        page.fill("input[name=amount_net]", net)
    if hours is not None:
        page.fill("input[name=hours]", hours)
    with page.expect_navigation():
        page.click("button[value=%s]" % button)


def shoot(page, name):
    os.makedirs(SCREENSHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENSHOTS, name), full_page=True)


# ----------------------------------------------------------------------
# Point 1: the week is always there
# ----------------------------------------------------------------------
def test_open_week_shows_what_is_left_and_the_most_one_can_ask(
        small_phone, odoo_url):
    """Point 2: the pot says what is left and the most one may still ask;
    only sent and validated declarations are asks (a draft the coordinator
    wrote for Inès is not)."""
    forget_this_week(odoo_url, MEMBER)
    forget_this_week(odoo_url, "ines")
    week = cape_week(odoo_url, this_monday())
    rpc_as(odoo_url, "nadia", "kpa.remuneration.declaration", "create", {
        "period_id": week, "partner_id": partner_of(odoo_url, "ines"),
        "amount_net": 39, "hours": 4})
    available = Decimal(str(rpc_admin(
        odoo_url, "kpa.remuneration.period", "read", [week],
        fields=["amount_available"])[0]["amount_available"])).quantize(
        pot.CENT)
    declarations = declarations_of_week(odoo_url, week)
    drafts = [d for d in declarations if d["state"] == "draft"]
    assert drafts
    asked = sum((pot.cents(d["amount_cost"]) for d in declarations
                 if d["state"] in ("submitted", "validated")),
                Decimal("0.00"))
    login(small_phone, odoo_url, MEMBER)
    small_phone.goto(odoo_url + "/my/declarations")
    heading = small_phone.inner_text(".o_kpa_pot .panel-heading")
    assert "La Cape" in heading and french_date(this_monday()) in heading
    assert small_phone.inner_text(".o_kpa_week_state").strip() == "Ouverte"
    figures = pot_figures(small_phone)
    assert figures == {"available": available, "asked": asked,
                       "left": available - asked}, figures
    assert money(small_phone.inner_text(".o_kpa_max_net")) == pot.max_net(
        available - asked, *rates(odoo_url))
    says = small_phone.inner_text(".o_kpa_what_counts")
    assert "envoyées ou validées" in says and "brouillons" in says
    for draft in drafts:
        row = small_phone.locator(".o_kpa_week_table tr", has_text=draft[
            "partner_id"][1])
        assert "ne compte pas" in row.inner_text()
    assert small_phone.locator(".o_kpa_over").count() == 0
    assert touch_problems(small_phone) == []
    if small_phone.viewport_size["width"] == 390:
        shoot(small_phone, "phone-week-open.png")
    forget_this_week(odoo_url, "ines")


def test_validated_week_keeps_the_pot_table_and_buttons(
        small_phone, odoo_url, validated_this_week):
    """Point 1: after the session the page still shows the week, its pot,
    the team table and the week buttons, and says plainly that nothing is
    to declare until next week (no "every open week has a
    declaration")."""
    login(small_phone, odoo_url, MEMBER)
    small_phone.goto(odoo_url + "/my/declarations")
    assert small_phone.locator(".o_kpa_pot").is_visible()
    heading = small_phone.inner_text(".o_kpa_pot .panel-heading")
    assert french_date(this_monday()) in heading
    assert small_phone.inner_text(".o_kpa_week_state").strip() == "Validée"
    assert "Le groupe a validé" in small_phone.inner_text(".o_kpa_week_says")
    assert "Fatou Ndiaye" in small_phone.inner_text(".o_kpa_week_table")
    assert money(small_phone.inner_text(".o_kpa_available")) >= 0
    assert small_phone.locator("a.o_kpa_week_before").count() == 1
    assert small_phone.locator(".o_kpa_max_net").count() == 0
    assert small_phone.locator("a.o_kpa_declare").count() == 0
    note = small_phone.inner_text(".o_kpa_no_week")
    assert "La semaine est validée" in note
    assert "Vous pourrez déclarer la semaine prochaine" in note
    assert touch_problems(small_phone) == []
    if small_phone.viewport_size["width"] == 390:
        shoot(small_phone, "phone-week-validated.png")
    # "Déclarer ma paie" says the same, and the way back.
    small_phone.goto(odoo_url + "/my/declarations/new")
    page = small_phone.inner_text(".o_kpa_pay")
    assert "La semaine est validée" in page
    assert "Chaque semaine ouverte" not in page
    assert small_phone.locator(".o_kpa_declaration_form").count() == 0
    back = small_phone.locator("a.o_kpa_back")
    assert "/my/declarations" in back.get_attribute("href")
    assert touch_problems(small_phone) == []


@pytest.fixture
def kpa_without_this_week(odoo_url, new_kpa):  # noqa: F811
    """A KPA of which Inès is a member, whose last week was validated
    (nobody declared) and whose week has not been made yet: the days after
    a session, before anyone declares."""
    kpa = new_kpa["id"]
    last_week = this_monday() - datetime.timedelta(days=7)
    week = rpc_admin(odoo_url, "kpa.remuneration.period", "create", {
        "kpa_id": kpa, "date_start": last_week.isoformat()})
    rpc_admin(odoo_url, "kpa.remuneration.period", "action_validate", [week])
    try:
        yield kpa
    finally:
        # Only the CAE undoes a validated week; new_kpa then removes it.
        rpc_as(odoo_url, "olivier", "kpa.remuneration.period",
               "action_undo_validation", [week])


def test_week_not_made_yet_shows_its_pot(small_phone, odoo_url,
                                         kpa_without_this_week):
    """Point 1, the week after a session: this week is not made yet (it is
    made by the first declaration); the page shows it all the same, with
    its pot and buttons, and writes nothing."""
    kpa = kpa_without_this_week
    login(small_phone, odoo_url, "ines")
    small_phone.goto("%s/my/declarations?kpa=%d" % (odoo_url, kpa))
    heading = small_phone.inner_text(".o_kpa_pot .panel-heading")
    assert french_date(this_monday()) in heading
    assert small_phone.inner_text(".o_kpa_week_state").strip() == "Ouverte"
    assert pot_figures(small_phone) == {"available": 0, "asked": 0, "left": 0}
    assert "Personne n'a encore déclaré" in small_phone.inner_text(".o_kpa_pot")
    assert small_phone.locator("a.o_kpa_declare").count() == 1
    assert small_phone.locator("span.o_kpa_week_after").count() == 1
    assert touch_problems(small_phone) == []
    assert rpc_admin(odoo_url, "kpa.remuneration.period", "search_count",
                     [("kpa_id", "=", kpa)]) == 1
    # The week before is the validated one.
    small_phone.click("a.o_kpa_week_before")
    assert small_phone.inner_text(".o_kpa_week_state").strip() == "Validée"
    assert small_phone.locator("span.o_kpa_week_before").count() == 1
    assert small_phone.locator("a.o_kpa_week_back").count() == 1


# ----------------------------------------------------------------------
# Point 2: an ask over what is left is said before it is sent
# ----------------------------------------------------------------------
def test_ask_over_what_is_left_is_warned(small_phone, odoo_url):
    forget_this_week(odoo_url, MEMBER)
    before = rpc_admin(odoo_url, "kpa.remuneration.declaration",
                       "search_count",
                       [("partner_id", "=", partner_of(odoo_url, MEMBER))])
    login(small_phone, odoo_url, MEMBER)
    small_phone.goto(odoo_url + "/my/declarations/new")
    most = money(small_phone.inner_text(".o_kpa_max_ask .o_kpa_max_net"))
    assert most > 0
    submit(small_phone, "preview", net=pot.input_amount(most + pot.CENT))
    assert "Trop" in small_phone.inner_text(".o_kpa_preview_over")
    submit(small_phone, "send")
    error = small_phone.inner_text(".o_kpa_errors")
    assert "Votre demande coûte" in error and "au plus" in error
    assert rpc_admin(odoo_url, "kpa.remuneration.declaration",
                     "search_count",
                     [("partner_id", "=", partner_of(odoo_url, MEMBER))]) \
        == before
    submit(small_phone, "preview", net=pot.input_amount(most))
    assert small_phone.locator(".o_kpa_preview_fits").count() == 1
    assert touch_problems(small_phone) == []


# ----------------------------------------------------------------------
# Points 5 and 7: values and words as French people read them
# ----------------------------------------------------------------------
def test_plain_french_and_no_raw_values(small_phone, odoo_url):
    forget_this_week(odoo_url, MEMBER)
    login(small_phone, odoo_url, MEMBER)
    small_phone.goto(odoo_url + "/my/declarations/new")
    submit(small_phone, "send", net="beaucoup", hours="beaucoup")
    errors = small_phone.inner_text(".o_kpa_errors")
    assert "Le montant net doit être un nombre" in errors
    assert "Les heures doivent être un nombre" in errors
    assert "Les heures doit" not in errors
    submit(small_phone, "send", net="-5", hours="-1")
    errors = small_phone.inner_text(".o_kpa_errors")
    assert "Le montant net ne peut pas être en dessous de 0" in errors
    assert "Les heures ne peuvent pas être en dessous de 0" in errors
    # Net, gross, cost explained in a line each.
    small_phone.click(".o_kpa_pay_words summary")
    words = small_phone.inner_text(".o_kpa_pay_words")
    for said in ("compte en banque", "cotisations", "Charges patronales",
                 "prend dans le pot"):
        assert said in words, said
    # Sent without a word: no "false"; hours as "4 h 30"; fields in French.
    submit(small_phone, "send", net="39", hours="4,5")
    small_phone.wait_for_selector(".o_kpa_declaration")
    page = small_phone.inner_text(".o_kpa_pay")
    assert "Votre déclaration est envoyée" in page
    assert "Envoyé." not in page
    assert not re.search(r"\b[Ff]alse\b", page)
    assert small_phone.locator(".o_kpa_comment").count() == 0
    assert small_phone.inner_text(".o_kpa_hours").replace("\xa0", " ") \
        == "4 h 30"
    assert small_phone.input_value("input[name=amount_net]") == "39,00"
    assert small_phone.input_value("input[name=hours]") == "4,5"
    assert small_phone.inner_text(".label").strip() == "Envoyée"
    assert touch_problems(small_phone) == []
    # The week: "Ouverte" (a week is feminine), my row without "false".
    small_phone.goto(odoo_url + "/my/declarations")
    assert small_phone.inner_text(".o_kpa_week_state").strip() == "Ouverte"
    assert not re.search(r"\b[Ff]alse\b", small_phone.inner_text(".o_kpa_pay"))
    # Last week's validated declaration: 14 hours read "14 h".
    validated = rpc_admin(odoo_url, "kpa.remuneration.declaration", "search",
                          [("partner_id", "=", partner_of(odoo_url, MEMBER)),
                           ("state", "=", "validated")],
                          order="date_start desc", limit=1)
    hours = rpc_admin(odoo_url, "kpa.remuneration.declaration", "read",
                      validated, fields=["hours"])[0]["hours"]
    small_phone.goto("%s/my/declarations/%d" % (odoo_url, validated[0]))
    shown = small_phone.inner_text(".o_kpa_hours").replace("\xa0", " ")
    assert re.match(r"^\d+ h( \d\d)?$", shown), shown
    assert shown.startswith("%d h" % int(hours))
    forget_this_week(odoo_url, MEMBER)


# ----------------------------------------------------------------------
# Point 8: week buttons at the ends, a bad week asked, the statement month
# ----------------------------------------------------------------------
def test_week_buttons_stop_at_the_ends(small_phone, odoo_url):
    cape = kpa_id(odoo_url, "CAPE")
    first = rpc_admin(odoo_url, "kpa.remuneration.period", "search_read",
                      [("kpa_id", "=", cape)], fields=["date_start"],
                      order="date_start", limit=1)[0]["date_start"]
    first = datetime.date.fromisoformat(first)
    login(small_phone, odoo_url, MEMBER)
    url = "%s/my/declarations?kpa=%d" % (odoo_url, cape)
    # This week: no week after it yet.
    small_phone.goto(url)
    assert small_phone.locator("a.o_kpa_week_after").count() == 0
    after = small_phone.locator("span.o_kpa_week_after")
    assert after.get_attribute("aria-disabled") == "true"
    assert small_phone.locator("a.o_kpa_week_before").count() == 1
    assert touch_problems(small_phone) == []
    # The KPA's first week: no week before it.
    small_phone.goto("%s&week=%s" % (url, first.isoformat()))
    assert french_date(first) in small_phone.inner_text(".o_kpa_pot .panel-heading")
    assert small_phone.locator("a.o_kpa_week_before").count() == 0
    assert small_phone.locator("span.o_kpa_week_before").count() == 1
    assert small_phone.locator("a.o_kpa_week_after").count() == 1
    assert small_phone.locator(".o_kpa_week_message").count() == 0
    assert touch_problems(small_phone) == []
    # Any day names its week.
    small_phone.goto("%s&week=%s" % (url, (first + datetime.timedelta(
        days=2)).isoformat()))
    assert french_date(first) in small_phone.inner_text(".o_kpa_pot .panel-heading")
    assert small_phone.locator(".o_kpa_week_message").count() == 0
    # Out of range or malformed: said, not the current week silently.
    for week, said in [
            ((first - datetime.timedelta(days=7)).isoformat(),
             "pas de semaine avant"),
            ((this_monday() + datetime.timedelta(days=7)).isoformat(),
             "pas encore arrivée"),
            ("junk", "ne donne pas de semaine"),
            ("2026-02-30", "ne donne pas de semaine")]:
        small_phone.goto("%s&week=%s" % (url, week))
        message = small_phone.inner_text(".o_kpa_week_message")
        assert said in message and "voici la semaine en cours" in message, \
            (week, message)
        assert small_phone.locator(".o_kpa_pot").is_visible()


def test_statement_month_is_the_last_with_pay(small_phone, odoo_url):
    """The month picker offers the last month with validated pay (not the
    current, empty one), and its PDF shows hours as "14 h"."""
    last = rpc_admin(odoo_url, "kpa.remuneration.declaration", "search_read",
                     [("partner_id", "=", partner_of(odoo_url, MEMBER)),
                      ("state", "=", "validated")],
                     fields=["period_id", "hours"],
                     order="date_start desc", limit=1)[0]
    sunday = rpc_admin(odoo_url, "kpa.remuneration.period", "read",
                       [last["period_id"][0]], fields=["date_end"])[0][
        "date_end"]
    login(small_phone, odoo_url, MEMBER)
    small_phone.goto(odoo_url + "/my/declarations")
    month = small_phone.input_value("input[name=month]")
    assert month == sunday[:7]
    assert touch_problems(small_phone) == []
    http = requests.Session()
    for cookie in small_phone.context.cookies():
        http.cookies.set(cookie["name"], cookie["value"])
    pdf = http.get("%s/my/declarations/statement?month=%s" % (
        odoo_url, month), timeout=120)
    assert pdf.headers["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-layout", "-", "-"],
                          input=pdf.content, stdout=subprocess.PIPE,
                          check=True).stdout.decode("utf-8")
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    assert re.search(r"\b%d h\b" % int(last["hours"]), text), text
    assert not re.search(r"\b\d\d:\d\d\b", text), text
