"""Regenerate docs/screenshots/report-<name>.png: the first page of each PDF
report of the demo, printed by the demo user who prints it in real life.

    .venv/bin/python scripts/report_pictures.py DATABASE [--url URL]
                     [--out DIR] [--dpi 100]

DATABASE holds the demo (``make run`` builds kpa_demo). Without --url the
script starts its own Odoo server (bin/odoo, on a free loopback port,
serving DATABASE only) and stops it at the end; with --url it uses a server
already running there, which must serve DATABASE.

wkhtmltopdf fetches the report's stylesheet over HTTP from ``report.url``
(else ``web.base.url``): while it runs, the script sets ``report.url`` to
the server it prints from, then puts the previous value back.
Needs ``pdftoppm`` (Debian's poppler-utils, installed by ``make setup``).

tests/browser/test_report_pdfs.py prints the same documents (DOCUMENTS).
"""
import argparse
import datetime
import glob
import http.cookiejar
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Demo:
    """The demo database behind an Odoo server, over XML-RPC and HTTP."""

    def __init__(self, url, database):
        self.url = url
        self.database = database

    def call(self, login, model, method, *args, **kwargs):
        """The ORM over XML-RPC as ``login`` (demo password = login)."""
        common = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/common", allow_none=True)
        uid = common.login(self.database, login, login)
        if not uid:
            raise RuntimeError("%s cannot log in" % login)
        models = xmlrpc.client.ServerProxy(
            self.url + "/xmlrpc/2/object", allow_none=True)
        return models.execute_kw(self.database, uid, login, model, method,
                                 list(args), kwargs)

    def admin(self, model, method, *args, **kwargs):
        return self.call("admin", model, method, *args, **kwargs)

    def get(self, login, path):
        """GET ``path`` in a web session of ``login``: (status, type, body).

        Never as admin: Odoo 11 rewrites web.base.url when admin logs in
        through the web."""
        assert login != "admin"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(
            http.cookiejar.CookieJar()))
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
            "db": self.database, "login": login, "password": login}})
        request = urllib.request.Request(
            self.url + "/web/session/authenticate", payload.encode(),
            {"Content-Type": "application/json"})
        answer = json.loads(opener.open(request, timeout=60).read())
        if not (answer.get("result") or {}).get("uid"):
            raise RuntimeError("%s cannot log in: %s" % (login, answer))
        try:
            response = opener.open(self.url + path, timeout=300)
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type"), error.read()
        return (response.status, response.headers.get("Content-Type"),
                response.read())


def _one(demo, model, domain, order="id"):
    ids = demo.admin(model, "search", domain, limit=1, order=order)
    if not ids:
        raise LookupError("the demo has no %s %s" % (model, domain))
    return ids[0]


def _demo_id(demo, xmlid):
    found = demo.admin("ir.model.data", "xmlid_to_res_id", xmlid)
    if not found:
        raise LookupError("the demo has no %s" % xmlid)
    return found


def _invoice(demo):
    """La Cape's balance invoice of the quoted meal: several lines and
    rates, the deposit deducted, every mention."""
    return "/report/pdf/account.report_invoice/%d" % _demo_id(
        demo, "kpa_demo.sale_prestation_meal_balance")


def _invoice_reverse_charge(demo):
    """Illicoop's workshop for a Belgian business: intra-EU B2B."""
    invoice = _one(demo, "account.invoice", [
        ("type", "=", "out_invoice"), ("kpa_id.code", "=", "ILLI"),
        ("partner_id.country_id.code", "=", "BE"),
        ("state", "in", ("open", "paid"))])
    return "/report/pdf/account.report_invoice/%d" % invoice


def _quote(demo):
    """La Cape's quote accepted online."""
    return "/report/pdf/sale.report_saleorder/%d" % _demo_id(
        demo, "kpa_demo.sale_prestation_meal_quote")


def _samir_cape(demo):
    return _one(demo, "hr.contract", [
        ("kpa_is_cape", "=", True),
        ("kpa_partner_id.name", "=", "Samir Haddad")])


def _cape_agreement(demo):
    return "/report/pdf/kpa_cape.report_cape_agreement/%d" % _samir_cape(demo)


def _cape_amendment(demo):
    term = _one(demo, "kpa.cape.term", [
        ("contract_id", "=", _samir_cape(demo)), ("number", ">=", 1)])
    return "/report/pdf/kpa_cape.report_cape_amendment/%d" % term


def _cape_activity(demo):
    kpa = _one(demo, "kpa.cooperative", [("code", "=", "CAPE")])
    # A wizard (transient) is read by its creator only: made as nadia.
    wizard = demo.call("nadia", "kpa.cape.activity.wizard", "create", {
        "kpa_id": kpa, "year": str(datetime.date.today().year)})
    return "/report/pdf/kpa_cape.report_cape_activity/%d" % wizard


def _statement(demo):
    """Samir's statement of the last month with validated pay, from his
    portal page."""
    lines = demo.admin(
        "kpa.remuneration.declaration", "search_read", [
            ("partner_id.name", "=", "Samir Haddad"),
            ("state", "=", "validated")],
        fields=["period_id"], limit=1, order="date_start desc")
    if not lines:
        raise LookupError("Samir has no validated remuneration")
    period = demo.admin("kpa.remuneration.period", "read",
                        [lines[0]["period_id"][0]], ["date_end"])[0]
    return "/my/declarations/statement?month=%s" % period["date_end"][:7]


# name, who prints it, the path of its PDF
DOCUMENTS = [
    ("invoice", "claire", _invoice),
    ("invoice-reverse-charge", "claire", _invoice_reverse_charge),
    ("quote", "nadia", _quote),
    ("cape-agreement", "nadia", _cape_agreement),
    ("cape-amendment", "nadia", _cape_amendment),
    ("cape-activity", "nadia", _cape_activity),
    ("statement", "samir", _statement),
]


class ReportUrl:
    """``report.url`` pointed at ``demo.url`` for the block."""

    KEY = "report.url"

    def __init__(self, demo):
        self.demo = demo
        self.previous = False

    def __enter__(self):
        self.previous = self.demo.admin(
            "ir.config_parameter", "get_param", self.KEY)
        self.demo.admin("ir.config_parameter", "set_param", self.KEY,
                        self.demo.url)
        return self

    def __exit__(self, *_exc):
        # False removes the parameter again.
        self.demo.admin("ir.config_parameter", "set_param", self.KEY,
                        self.previous or False)


def fetch_pdf(demo, login, path):
    status, content_type, body = demo.get(login, path)
    if status != 200 or not body.startswith(b"%PDF"):
        raise RuntimeError("%s as %s: HTTP %s %s %r" % (
            path, login, status, content_type, body[:300]))
    return body


def pdf_to_png(pdf, stem, dpi, first_page_only=True):
    """Write ``pdf`` (bytes) as ``stem``.png (its first page), or as
    ``stem``-N.png (every page). Returns the PNG paths."""
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "report.pdf")
        with open(source, "wb") as handle:
            handle.write(pdf)
        command = ["pdftoppm", "-png", "-r", str(dpi)]
        if first_page_only:
            command += ["-f", "1", "-l", "1", "-singlefile"]
        subprocess.check_call(command + [source, stem])
    if first_page_only:
        return [stem + ".png"]
    return sorted(glob.glob(glob.escape(stem) + "-*.png"),
                  key=lambda path: int(path[len(stem) + 1:-4]))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """bin/odoo serving ``database`` only, on a free loopback port."""

    def __init__(self, database):
        self.database = database
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.log = tempfile.NamedTemporaryFile(
            prefix="report-pictures-", suffix=".log", delete=False)
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [os.path.join(ROOT, "bin", "odoo"), "-d", self.database,
             "--db-filter=^%s$" % self.database,
             "--http-port=%d" % self.port, "--http-interface=127.0.0.1",
             "--max-cron-threads=0", "--log-level=warn",
             "--log-handler=odoo.modules.loading:INFO"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 180
        while True:
            with open(self.log.name) as handle:
                if "Modules loaded." in handle.read():
                    break
            if self.process.poll() is not None or time.time() > deadline:
                self.__exit__()
                raise RuntimeError("Odoo did not start, see %s"
                                   % self.log.name)
            time.sleep(0.5)
        return self

    def __exit__(self, *_exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def make_pictures(demo, out, dpi):
    os.makedirs(out, exist_ok=True)
    made = []
    with ReportUrl(demo):
        for name, login, path_of in DOCUMENTS:
            pdf = fetch_pdf(demo, login, path_of(demo))
            made += pdf_to_png(pdf, os.path.join(out, "report-%s" % name),
                               dpi)
    return made


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--url", help="a running server serving DATABASE")
    parser.add_argument("--out", default=os.path.join(
        ROOT, "docs", "screenshots"))
    parser.add_argument("--dpi", type=int, default=100)
    args = parser.parse_args()
    if args.url:
        made = make_pictures(Demo(args.url.rstrip("/"), args.database),
                             args.out, args.dpi)
    else:
        with Server(args.database) as server:
            made = make_pictures(Demo(server.url, args.database), args.out,
                                 args.dpi)
    for path in made:
        print(os.path.relpath(path, ROOT) if path.startswith(ROOT) else path)


if __name__ == "__main__":
    sys.exit(main())
