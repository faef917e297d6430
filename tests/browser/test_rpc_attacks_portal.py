"""What an outsider throws at the portal and the report routes, over plain
HTTP and XML-RPC against a running server, each from the side of the user
refused: a file part in a text field, a NUL byte, two first visits of a
new week at once, a GET that would write, a double tap, a `javascript:`
link, someone else's pay statement or CAPE through Odoo's generic
/report/... routes. Never a 500, never a second record, never a leak."""
import datetime
import os
import re
import subprocess
import threading
import xmlrpc.client

import pytest
import requests

from conftest import rpc_admin, rpc_as, xmlrpc_as
from test_bad_input import CSRF, portal_session

FORM_TOKEN = re.compile(r'name="kpa_form_token" value="([^"]+)"')
TEST_KPA_CODE = "ESSC"


def form_tokens(http, url, path):
    """(csrf token, one-time form token or "") of the form at ``path``."""
    page = http.get(url + path, timeout=60)
    assert page.status_code == 200, (path, page.status_code)
    found = FORM_TOKEN.search(page.text)
    return CSRF.search(page.text).group(1), found.group(1) if found else ""


def this_monday():
    today = datetime.date.today()
    return (today - datetime.timedelta(days=today.weekday())).isoformat()


def count(url, model, domain=()):
    return rpc_admin(url, model, "search_count", list(domain))


def xmlid(url, name):
    return rpc_admin(url, "ir.model.data", "xmlid_to_res_id", [name])


def partner_of(url, login):
    return rpc_admin(url, "res.users", "search_read",
                     [("login", "=", login)], fields=["partner_id"])[0][
        "partner_id"][0]


def forget_open_declaration(url, login):
    """Re-runs start clean: drop the member's open declaration of this
    week, if an earlier run made one."""
    ids = rpc_admin(url, "kpa.remuneration.declaration", "search", [
        ("partner_id", "=", partner_of(url, login)),
        ("state", "!=", "validated"),
        ("period_id.date_start", "=", this_monday())])
    if ids:
        rpc_admin(url, "kpa.remuneration.declaration", "unlink", ids)


def assert_no_500(response, what):
    assert response.status_code < 500, (what, response.status_code)
    assert "Traceback" not in response.text, what


@pytest.fixture(scope="module")
def ines(odoo_url):
    return portal_session(odoo_url, "ines")


@pytest.fixture
def new_kpa(odoo_url):
    """A KPA of which Inès is a member and which has no week yet: the
    first visits of its week are this test's. Left archived, without
    members or weeks."""
    found = rpc_admin(odoo_url, "kpa.cooperative", "search", [
        ("code", "=", TEST_KPA_CODE)], context={"active_test": False})
    if found:
        kpa = found[0]
        rpc_as(odoo_url, "admin", "kpa.cooperative", "write", [kpa],
               {"active": True})
    else:
        kpa = rpc_admin(odoo_url, "kpa.cooperative", "create", {
            "name": "KPA d'essai (visites simultanées)",
            "code": TEST_KPA_CODE})

    def clean():
        declarations = rpc_admin(
            odoo_url, "kpa.remuneration.declaration", "search",
            [("period_id.kpa_id", "=", kpa)])
        if declarations:
            rpc_admin(odoo_url, "kpa.remuneration.declaration", "unlink",
                      declarations)
        weeks = rpc_admin(odoo_url, "kpa.remuneration.period", "search",
                          [("kpa_id", "=", kpa)])
        if weeks:
            rpc_admin(odoo_url, "kpa.remuneration.period", "unlink", weeks)

    clean()
    membership = rpc_admin(odoo_url, "kpa.membership", "create", {
        "kpa_id": kpa, "partner_id": partner_of(odoo_url, "ines"),
        "state": "member", "date_join": "2026-01-05"})
    yield {"id": kpa, "clean": clean}
    rpc_admin(odoo_url, "kpa.membership", "unlink", [membership])
    clean()
    rpc_as(odoo_url, "admin", "kpa.cooperative", "write", [kpa],
           {"active": False})


def weeks_of(url, kpa):
    return count(url, "kpa.remuneration.period", [
        ("kpa_id", "=", kpa), ("date_start", "=", this_monday())])


# ----------------------------------------------------------------------
# A file part (multipart upload) in a text field
# ----------------------------------------------------------------------
def test_file_parts_in_text_fields_are_no_500(odoo_url, ines):
    forget_open_declaration(odoo_url, "ines")
    decision = rpc_admin(odoo_url, "kpa.decision", "search", [
        ("state", "=", "open"), ("kpa_id.code", "=", "CAPE")], limit=1)
    file_part = ("notes.txt", b"du texte dans un fichier", "text/plain")
    before = count(odoo_url, "kpa.remuneration.declaration")
    cases = [
        ("/my/logbook", {"body": file_part}, {"name": "Titre"}),
        ("/my/topics", {"name": file_part}, {"description": "x"}),
        ("/my/topics", {"description": file_part}, {"name": "Un sujet"}),
        ("/my/declarations/new", {"amount_net": file_part},
         {"action": "preview", "week": this_monday()}),
        ("/my/declarations/new", {"comment": file_part},
         {"amount_net": "0", "hours": "1", "action": "send",
          "week": this_monday()}),
    ]
    if decision:
        cases += [
            ("/my/decisions/%d" % decision[0], {"reason": file_part},
             {"position": "abstain"}),
            ("/my/decisions/%d" % decision[0], {"position": file_part}, {}),
        ]
    for path, files, data in cases:
        csrf, token = form_tokens(ines, odoo_url, path)
        data = dict(data, csrf_token=csrf, kpa_form_token=token)
        response = ines.post(odoo_url + path, data=data, files=files,
                             timeout=60, allow_redirects=False)
        assert_no_500(response, (path, list(files)))
    response = ines.get(odoo_url + "/my/declarations/statement",
                        files={"month": file_part}, timeout=60)
    assert_no_500(response, "statement month as a file")
    # The file's content never lands in a record.
    comments = rpc_admin(odoo_url, "kpa.remuneration.declaration",
                         "search_read", [("comment", "like", "fichier")],
                         fields=["id"])
    assert not comments
    assert count(odoo_url, "kpa.remuneration.declaration") <= before + 1
    forget_open_declaration(odoo_url, "ines")


# ----------------------------------------------------------------------
# A real NUL byte in a text field
# ----------------------------------------------------------------------
def test_nul_bytes_in_text_fields_are_no_500(odoo_url, ines):
    forget_open_declaration(odoo_url, "ines")
    marker = "nul-%s" % datetime.datetime.now().strftime("%H%M%S%f")
    cases = [
        ("/my/logbook", {"body": "avant\x00après " + marker,
                         "name": "ti\x00tre"}),
        ("/my/topics", {"name": "su\x00jet " + marker,
                        "description": "dé\x00tails"}),
        ("/my/declarations/new", {"amount_net": "1\x00", "hours": "\x00",
                                  "comment": "mot\x00" + marker,
                                  "action": "send", "week": this_monday()}),
        ("/my/declarations?kpa=\x00&week=\x00", None),
        ("/my/declarations/statement?month=2026-0\x001", None),
    ]
    for path, data in cases:
        if data is None:
            response = ines.get(odoo_url + path, timeout=60)
        else:
            csrf, token = form_tokens(ines, odoo_url, path)
            data = dict(data, csrf_token=csrf, kpa_form_token=token)
            response = ines.post(odoo_url + path, data=data, timeout=60,
                                 allow_redirects=False)
        assert_no_500(response, path)
    entries = rpc_admin(odoo_url, "kpa.logbook.entry", "search_read",
                        [("body", "like", marker)], fields=["body"])
    assert entries and all("\x00" not in e["body"] for e in entries)
    forget_open_declaration(odoo_url, "ines")


# ----------------------------------------------------------------------
# A GET writes nothing; two first visits of a new week at once
# ----------------------------------------------------------------------
def test_get_creates_no_week(odoo_url, ines, new_kpa):
    kpa = new_kpa["id"]
    assert weeks_of(odoo_url, kpa) == 0
    for path in ("/my/declarations?kpa=%d" % kpa,
                 "/my/declarations/new?kpa=%d" % kpa,
                 "/my/declarations?kpa=%d&week=%s" % (kpa, this_monday()),
                 "/my", "/my/home"):
        response = ines.get(odoo_url + path, timeout=60)
        assert_no_500(response, path)
    assert count(odoo_url, "kpa.remuneration.period",
                 [("kpa_id", "=", kpa)]) == 0
    # The form offers this week all the same: sending makes it.
    page = ines.get(odoo_url + "/my/declarations/new?kpa=%d" % kpa,
                    timeout=60).text
    assert 'value="%s"' % this_monday() in page


def test_concurrent_first_visits_make_one_week(odoo_url, new_kpa):
    kpa = new_kpa["id"]
    sessions = [portal_session(odoo_url, "ines") for _ in range(6)]
    failures = []
    for _round in range(3):
        forms = [form_tokens(http, odoo_url,
                             "/my/declarations/new?kpa=%d" % kpa)
                 for http in sessions[:3]]
        new_kpa["clean"]()  # whatever the visits above did
        barrier = threading.Barrier(len(sessions))

        def visit(index, http):
            barrier.wait()
            if index < 3:
                csrf, token = forms[index]
                response = http.post(
                    odoo_url + "/my/declarations/new", data={
                        "csrf_token": csrf, "kpa_form_token": token,
                        "kpa": kpa, "week": this_monday(),
                        "amount_net": "0", "hours": "1", "action": "send"},
                    timeout=120, allow_redirects=False)
            else:
                response = http.get(
                    odoo_url + "/my/declarations?kpa=%d" % kpa, timeout=120)
            if response.status_code >= 500:
                failures.append((index, response.status_code))

        threads = [threading.Thread(target=visit, args=(i, http))
                   for i, http in enumerate(sessions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not failures, failures
        assert weeks_of(odoo_url, kpa) == 1


# ----------------------------------------------------------------------
# One record per submission, even on a double tap
# ----------------------------------------------------------------------
def _post_three_times(http, url, path, data, at_once=False):
    csrf, token = form_tokens(http, url, path)
    data = dict(data, csrf_token=csrf, kpa_form_token=token)
    answers = []

    def send(session):
        answers.append(session.post(url + path, data=data, timeout=120,
                                    allow_redirects=False))

    if not at_once:
        for _ in range(3):
            send(http)
        return answers
    # Three taps at once: the same cookies, three connections.
    sessions = []
    for _ in range(3):
        session = requests.Session()
        session.cookies.update(http.cookies)
        sessions.append(session)
    threads = [threading.Thread(target=send, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize("at_once", [False, True])
def test_double_submit_creates_one_record(odoo_url, ines, at_once):
    marker = "double-%s-%s" % (at_once, datetime.datetime.now().strftime(
        "%H%M%S%f"))
    forms = [
        ("/my/logbook", "kpa.logbook.entry", "body",
         {"body": "Trois taps " + marker}),
        ("/my/topics", "kpa.governance.topic", "name",
         {"name": "Trois taps " + marker}),
    ]
    for path, model, field, data in forms:
        answers = _post_three_times(ines, odoo_url, path, data, at_once)
        for answer in answers:
            assert_no_500(answer, path)
        assert count(odoo_url, model, [(field, "like", marker)]) == 1, path
        # Every tap lands on the result of the first.
        assert all(a.status_code == 303 for a in answers), [
            a.status_code for a in answers]
    # The declaration: one, and the replays land on it.
    forget_open_declaration(odoo_url, "ines")
    partner = partner_of(odoo_url, "ines")
    before = count(odoo_url, "kpa.remuneration.declaration",
                   [("partner_id", "=", partner)])
    answers = _post_three_times(ines, odoo_url, "/my/declarations/new", {
        "week": this_monday(), "amount_net": "0", "hours": "1",
        "comment": marker, "action": "send"}, at_once)
    for answer in answers:
        assert_no_500(answer, "declaration")
    assert count(odoo_url, "kpa.remuneration.declaration",
                 [("partner_id", "=", partner)]) == before + 1
    targets = {a.headers.get("Location") for a in answers}
    assert len(targets) == 1 and "/my/declarations/" in targets.pop()
    # The vote: replays change nothing and land on the decision.
    decision = rpc_admin(odoo_url, "kpa.decision", "search", [
        ("state", "=", "open"), ("kpa_id.code", "=", "CAPE")], limit=1)
    if decision:
        path = "/my/decisions/%d" % decision[0]
        answers = _post_three_times(ines, odoo_url, path, {
            "position": "abstain", "reason": marker}, at_once)
        assert all(a.status_code == 303 for a in answers)
        assert count(odoo_url, "kpa.decision.vote", [
            ("decision_id", "=", decision[0]),
            ("partner_id", "=", partner)]) == 1
    forget_open_declaration(odoo_url, "ines")


def test_form_without_its_token_creates_nothing(odoo_url, ines):
    marker = "sans-jeton-%s" % datetime.datetime.now().strftime("%H%M%S%f")
    csrf, _token = form_tokens(ines, odoo_url, "/my/logbook")
    for token in ("", "forged", "x" * 500):
        response = ines.post(odoo_url + "/my/logbook", data={
            "csrf_token": csrf, "kpa_form_token": token,
            "body": marker}, timeout=60, allow_redirects=False)
        assert response.status_code == 200
        assert "alert-danger" in response.text
    assert count(odoo_url, "kpa.logbook.entry",
                 [("body", "like", marker)]) == 0


# ----------------------------------------------------------------------
# Links: http and https only
# ----------------------------------------------------------------------
def test_javascript_link_refused_and_never_rendered(odoo_url, ines):
    meetings = rpc_admin(odoo_url, "kpa.governance.meeting", "search_read", [
        ("kpa_id.code", "=", "CAPE"), ("state", "=", "planned")],
        fields=["remote_url", "date"], order="date desc", limit=1)
    assert meetings
    meeting = meetings[0]
    for bad in ("javascript:alert(document.cookie)", " JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)"):
        with pytest.raises(xmlrpc.client.Fault) as caught:
            xmlrpc_as(odoo_url, "nadia", "kpa.governance.meeting", "write",
                      [meeting["id"]], {"remote_url": bad})
        assert "http" in caught.value.faultString
        with pytest.raises(xmlrpc.client.Fault):
            xmlrpc_as(odoo_url, "nadia", "kpa.governance.meeting", "create",
                      {"kpa_id": meeting_kpa(odoo_url, meeting["id"]),
                       "name": "Réunion piégée", "remote_url": bad})
    assert rpc_admin(odoo_url, "kpa.governance.meeting", "read",
                     [meeting["id"]], fields=["remote_url"])[0][
        "remote_url"] == meeting["remote_url"]
    # A link stored before the rule (written in the database directly) is
    # not put on the page either.
    database = os.environ["KPA_TEST_DB"]
    soon = (datetime.datetime.utcnow() + datetime.timedelta(days=2)) \
        .strftime("%Y-%m-%d %H:%M:%S")
    sql = ("UPDATE kpa_governance_meeting SET remote_url = %s, date = %s "
           "WHERE id = %d")
    try:
        subprocess.run(["psql", "-q", "-d", database, "-c", sql % (
            "'javascript:alert(1)'", "'%s'" % soon, meeting["id"])],
            check=True)
        page = ines.get(odoo_url + "/my/meetings", timeout=60)
        assert page.status_code == 200
        assert "javascript:" not in page.text
    finally:
        value = "NULL" if not meeting["remote_url"] \
            else "'%s'" % meeting["remote_url"].replace("'", "''")
        subprocess.run(["psql", "-q", "-d", database, "-c", sql % (
            value, "'%s'" % meeting["date"], meeting["id"])], check=True)


def meeting_kpa(url, meeting_id):
    return rpc_admin(url, "kpa.governance.meeting", "read", [meeting_id],
                     fields=["kpa_id"])[0]["kpa_id"][0]


# ----------------------------------------------------------------------
# Odoo's generic report routes
# ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def samir_ids(odoo_url):
    partner = partner_of(odoo_url, "samir")
    contracts = rpc_admin(odoo_url, "hr.contract", "search", [
        ("kpa_is_cape", "=", True), ("kpa_partner_id", "=", partner)],
        limit=1)
    terms = rpc_admin(odoo_url, "kpa.cape.term", "search", [
        ("contract_id", "in", contracts)], limit=1)
    return {"partner": partner, "contract": contracts[0],
            "term": terms[0] if terms else None}


def _report_paths(ids):
    paths = []
    for converter in ("pdf", "html"):
        paths.append("/report/%s/kpa_remuneration.report_statement/%d"
                     % (converter, ids["partner"]))
        paths.append("/report/%s/kpa_remuneration.report_statement/%d"
                     "?options=%%7B%%22month%%22%%3A%%22%s%%22%%7D"
                     % (converter, ids["partner"],
                        datetime.date.today().strftime("%Y-%m")))
        paths.append("/report/%s/kpa_cape.report_cape_agreement/%d"
                     % (converter, ids["contract"]))
        if ids["term"]:
            paths.append("/report/%s/kpa_cape.report_cape_amendment/%d"
                         % (converter, ids["term"]))
    return paths


@pytest.mark.parametrize("login", ["thomas", "ines"])
def test_someone_elses_statement_and_cape_refused(odoo_url, samir_ids,
                                                  login):
    """Thomas coordinates Moulins Coop, Inès is Samir's co-member: neither
    reads Samir's pay statement or CAPE, by any report route."""
    http = portal_session(odoo_url, login)
    for path in _report_paths(samir_ids):
        response = http.get(odoo_url + path, timeout=120,
                            allow_redirects=False)
        assert response.status_code in (403, 404), (path,
                                                    response.status_code)
        assert not response.content.startswith(b"%PDF"), path
        assert "Samir" not in response.text, path
    # Nor by calling the report over RPC (the refusal, not an error after
    # the statement was made).
    report = xmlid(odoo_url,
                   "kpa_remuneration.kpa_remuneration_statement_report")
    for model, method, args in (
            ("ir.actions.report", "render_qweb_pdf",
             ([report], [samir_ids["partner"]])),
            ("report.kpa_remuneration.report_statement",
             "get_report_values", ([samir_ids["partner"]],))):
        with pytest.raises(RuntimeError) as caught:
            rpc_as(odoo_url, login, model, method, *args)
        message = str(caught.value)
        assert "relevé" in message or "statement" in message \
            or "sécurité" in message, message


@pytest.mark.parametrize("login", ["samir", "nadia", "olivier"])
def test_statement_still_given_to_those_it_is_for(odoo_url, samir_ids,
                                                  login):
    """Samir himself, La Cape's coordinator and the CAE manager read it;
    the accountant reads the pay (not the CAPE)."""
    http = portal_session(odoo_url, login)
    for path in _report_paths(samir_ids):
        response = http.get(odoo_url + path, timeout=120)
        assert response.status_code == 200, (path, response.status_code)
        if "/pdf/" in path:
            assert response.content.startswith(b"%PDF"), path


def test_accountant_reads_the_pay_not_the_cape(odoo_url, samir_ids):
    http = portal_session(odoo_url, "claire")
    response = http.get(odoo_url + "/report/pdf/"
                        "kpa_remuneration.report_statement/%d"
                        % samir_ids["partner"], timeout=120)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    response = http.get(odoo_url + "/report/html/kpa_cape.report_cape_agreement"
                        "/%d" % samir_ids["contract"], timeout=120)
    assert response.status_code in (403, 404)


def test_portal_pdf_routes_still_work(odoo_url, samir_ids):
    http = portal_session(odoo_url, "samir")
    month = datetime.date.today().strftime("%Y-%m")
    for path in ("/my/declarations/statement?month=%s" % month,
                 "/my/cape/%d/pdf" % samir_ids["contract"]):
        response = http.get(odoo_url + path, timeout=120)
        assert response.status_code == 200, path
        assert response.content.startswith(b"%PDF"), path
    # Someone else's CAPE through the portal: not found.
    ines = portal_session(odoo_url, "ines")
    response = ines.get(odoo_url + "/my/cape/%d/pdf" % samir_ids["contract"],
                        timeout=60)
    assert response.status_code == 404
