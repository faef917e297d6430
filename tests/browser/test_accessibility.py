"""Accessibility measured, not guessed: axe-core (pinned in
scripts/setup.sh, kept in .local/node) runs in Chromium on every portal page
a member reaches, and on the public pages, at 390 px. Any violation of
impact "serious" or "critical" fails, listed with its page, rule, element
and axe's help.

Each page is its own test, named after the module that draws it
(``test_page_is_accessible[kpa_governance-decision]``), so a failure says
whose page it is. What every page shares (the header, the footer, the
breadcrumbs, the ``<html>`` and ``<head>`` elements) is checked by
``test_shared_layout_is_accessible`` and left out of the page tests.
``test_every_portal_page_is_checked`` follows every link a member meets
from their home page: a new page that is in none of PAGES fails it.
"""
import os
import re
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import PHONE, ROOT, login
from test_bad_input import portal_session

AXE = os.path.join(ROOT, ".local", "node", "node_modules", "axe-core",
                   "axe.min.js")
MEMBER = "samir"
LINK = re.compile(r'<a\b[^>]*\bhref="([^"#]+)', re.I)
# Not pages: files (the CAPE, the monthly statement), the way out, further
# pages of the same lists.
NOT_PAGES = re.compile(r"/pdf$|/page/\d+|/web/session/logout|/report/|"
                       r"/declarations/statement|download")

# (test id, who, pattern of the addresses, address used when no link leads
# there). The id starts with the module that draws the page.
PAGES = [
    ("web-login", None, r"/web/login", "/web/login"),
    ("auth_signup-reset_password", None, r"/web/reset_password",
     "/web/reset_password"),
    ("portal-home", MEMBER, r"/my(/home)?", "/my/home"),
    ("portal-account", MEMBER, r"/my/account", "/my/account"),
    ("kpa_cooperative-kpa", MEMBER, r"/my/kpa", "/my/kpa"),
    ("kpa_cooperative-prestations", MEMBER, r"/my/prestations", None),
    ("kpa_cooperative-prestation", MEMBER, r"/my/prestations/\d+", None),
    ("kpa_governance-decisions", MEMBER, r"/my/decisions", None),
    ("kpa_governance-decision", MEMBER, r"/my/decisions/\d+", None),
    ("kpa_governance-charter", MEMBER, r"/my/charter", None),
    ("kpa_governance-charter_version", MEMBER, r"/my/charter/\d+", None),
    ("kpa_governance-logbook", MEMBER, r"/my/logbook", None),
    ("kpa_governance-topics", MEMBER, r"/my/topics", None),
    ("kpa_governance-meetings", MEMBER, r"/my/meetings", None),
    ("kpa_remuneration-declarations", MEMBER,
     r"/my/declarations(\?.*)?", None),
    ("kpa_remuneration-declaration", MEMBER, r"/my/declarations/\d+", None),
    ("kpa_remuneration-declare", MEMBER, r"/my/declarations/new(\?.*)?",
     "/my/declarations/new"),
    ("kpa_cape-cape", MEMBER, r"/my/cape", None),
    ("kpa_payout-bank", MEMBER, r"/my/bank(\?.*)?", "/my/bank"),
]
# At most this many addresses of one page (three decisions: open, adopted,
# rejected; three weeks of pay...).
PER_PAGE = 3

# In the page: is this node part of the layout every page shares?
AXE_RUN = """async (scope) => {
    const shared = (el) => !el || el === document.documentElement
        || el.closest('head, header, footer, .o_portal_submenu') !== null;
    const result = await axe.run(document, {resultTypes: ['violations']});
    const found = [];
    for (const violation of result.violations) {
        if (!['serious', 'critical'].includes(violation.impact)) continue;
        for (const node of violation.nodes) {
            const last = node.target[node.target.length - 1];
            let el = null;
            try {
                el = typeof last === 'string' ? document.querySelector(last)
                                              : null;
            } catch (error) { el = null; }
            if ((scope === 'layout') !== shared(el)) continue;
            found.push({rule: violation.id, impact: violation.impact,
                        help: violation.help, target: node.target.join(' '),
                        html: node.html.replace(/\\s+/g, ' ').slice(0, 160)});
        }
    }
    return found;
}"""


def violations(page, url, scope="page"):
    """The serious and critical violations axe finds on ``url``, outside
    the shared layout (``scope="page"``) or in it (``"layout"``)."""
    response = page.goto(url)
    status = response.status if response else None
    assert status and status < 400, (url, status)
    page.wait_for_load_state("load")
    page.add_script_tag(path=AXE)
    where = _path(url, url)
    return [dict(found, page=where)
            for found in page.evaluate(AXE_RUN, scope)]


def report(found):
    return "\n".join(
        "%(page)s: %(impact)s %(rule)s (%(help)s)\n    at %(target)s: "
        "%(html)s" % item for item in found)


def _path(url, base):
    """A link of a page as a path on this server, or None."""
    parts = urlsplit(urljoin(base + "/", url))
    if parts.netloc != urlsplit(base).netloc:
        return None
    return parts.path + ("?" + parts.query if parts.query else "")


@pytest.fixture(scope="module")
def reached(odoo_url):
    """Every portal address the member reaches by following links from
    their home page (GET only, the way a person taps)."""
    http = portal_session(odoo_url, MEMBER)
    seen, todo = [], ["/my/home"]
    while todo and len(seen) < 200:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.append(path)
        answer = http.get(odoo_url + path, timeout=60)
        if not answer.headers.get("Content-Type", "").startswith(
                "text/html"):
            continue
        for link in LINK.findall(answer.text):
            link = _path(link.replace("&amp;", "&"), odoo_url)
            if link and link.startswith("/my") and not NOT_PAGES.search(
                    link) and link not in seen:
                todo.append(link)
    return seen


@pytest.fixture(scope="module")
def member_page(browser, odoo_url):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30000)
    login(page, odoo_url, MEMBER)
    yield page
    context.close()


@pytest.fixture
def public_page(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    context.close()


def test_axe_core_is_installed():
    assert os.path.isfile(AXE), "run make setup: it installs axe-core"


def test_every_portal_page_is_checked(reached):
    unchecked = [path for path in reached if not any(
        re.fullmatch(pattern, path) for _id, _who, pattern, _path in PAGES)]
    assert not unchecked, "pages in no PAGES entry: %s" % unchecked


@pytest.mark.parametrize("who,pattern,default", [
    pytest.param(who, pattern, default, id=name)
    for name, who, pattern, default in PAGES])
def test_page_is_accessible(request, odoo_url, reached, who, pattern,
                            default):
    paths = [path for path in reached if re.fullmatch(pattern, path)]
    paths = paths[:PER_PAGE] or ([default] if default else [])
    assert paths, "no link leads to %s" % pattern
    page = request.getfixturevalue("member_page" if who else "public_page")
    if default and default.startswith("/web/reset_password"):
        response = page.request.get(odoo_url + default)
        if response.status == 404:
            pytest.skip("password reset is off")
    found = []
    for path in paths:
        found += violations(page, odoo_url + path)
    assert not found, "\n" + report(found)


@pytest.mark.parametrize("who,pattern", [
    pytest.param(None, r"/web/login", id="public"),
    pytest.param(MEMBER, r"/my(/home)?", id="member-home"),
    # Breadcrumbs with a link in them.
    pytest.param(MEMBER, r"/my/decisions/\d+", id="member-decision")])
def test_shared_layout_is_accessible(request, odoo_url, reached,
                                     who, pattern):
    """The header, footer, breadcrumbs, <html> and <head> of every page:
    the language, the logo's text, the menus, the way home."""
    path = next((path for path in reached if re.fullmatch(pattern, path)),
                pattern)
    page = request.getfixturevalue("member_page" if who else "public_page")
    found = violations(page, odoo_url + path, scope="layout")
    assert not found, "\n" + report(found)
