"""Browser tests: a real Odoo server on a free loopback port, driven by
Debian's Chromium through Playwright (never `playwright install`).

The database comes from scripts/test.sh (KPA_TEST_DB, demo loaded). A failing
test leaves a screenshot and the server log in KPA_ARTIFACTS.
"""
import os
import socket
import subprocess
import time

import pytest
import requests
from playwright.sync_api import sync_playwright

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ARTIFACTS = os.environ.get(
    "KPA_ARTIFACTS", os.path.join(ROOT, ".local", "test-artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 860}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_url():
    database = os.environ.get("KPA_TEST_DB")
    if not database:
        pytest.skip("KPA_TEST_DB not set: run through `make test`")
    os.makedirs(ARTIFACTS, exist_ok=True)
    port = free_port()
    log_path = os.path.join(ARTIFACTS, "odoo-server.log")
    log = open(log_path, "w")
    server = subprocess.Popen(
        [os.path.join(ROOT, "bin", "odoo"), "-d", database,
         "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--http-interface=127.0.0.1", "--max-cron-threads=0"],
        stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 120
    # No request before the registry is loaded: Odoo 11 serves HTTP while it
    # preloads, and a request then loads the registry a second time in
    # parallel (seen failing: "Model ... does not exist in registry").
    while "Modules loaded." not in open(log_path).read():
        if server.poll() is not None or time.time() > deadline:
            server.kill()
            raise RuntimeError("Odoo did not load, see %s" % log_path)
        time.sleep(0.5)
    while True:
        try:
            if requests.get(url + "/web/login", timeout=30).status_code == 200:
                break
        # A busy machine answers the first page slowly: wait, until the
        # deadline, rather than fail the whole session.
        except (requests.ConnectionError, requests.Timeout):
            pass
        if server.poll() is not None or time.time() > deadline:
            server.kill()
            raise RuntimeError("Odoo did not start, see %s" % log_path)
        time.sleep(0.5)
    # First page views compile the LESS assets: warm them up once.
    requests.get(url + "/web/login", timeout=120)
    yield url
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "report_" + report.when, report)


def _page(browser, request, viewport):
    context = browser.new_context(viewport=viewport, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        page.screenshot(path=os.path.join(
            ARTIFACTS, "%s.png" % request.node.name), full_page=True)
    context.close()


@pytest.fixture
def desktop(browser, request):
    yield from _page(browser, request, DESKTOP)


@pytest.fixture
def phone(browser, request):
    yield from _page(browser, request, PHONE)


@pytest.fixture(params=[320, 390], ids=lambda width: "%dpx" % width)
def small_phone(browser, request):
    """A small phone, 320 or 390 px wide, in French: each test runs on
    both."""
    yield from _page(browser, request, {"width": request.param,
                                        "height": 800})


def login(page, url, user, password=None):
    page.goto(url + "/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", password or user)
    # Not "networkidle": the web client keeps a long-polling request open.
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_load_state("load")


def rpc(page, url, model, method, args=(), kwargs=None):
    """Call the ORM as the page's logged-in user (JSON-RPC, like the web
    client does)."""
    response = page.request.post(url + "/web/dataset/call_kw", data={
        "jsonrpc": "2.0", "method": "call", "id": 1,
        "params": {"model": model, "method": method, "args": list(args),
                   "kwargs": kwargs or {}},
    })
    payload = response.json()
    if "error" in payload:
        raise RuntimeError(payload["error"]["data"]["message"])
    return payload["result"]


def rpc_as(url, login, model, method, *args, **kwargs):
    """The ORM over JSON-RPC as ``login`` (password = login): what that
    user may do from any client, outside the web client's screens."""
    database = os.environ["KPA_TEST_DB"]

    def call(service, method, *args):
        answer = requests.post(url + "/jsonrpc", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "service": service, "method": method, "args": args}},
            timeout=60).json()
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    uid = 1 if login == "admin" else call(
        "common", "login", database, login, login)
    return call("object", "execute_kw", database, uid, login, model,
                method, list(args), kwargs)


def rpc_admin(url, model, method, args, **kwargs):
    """The ORM as admin over JSON-RPC: to find demo ids and count records."""
    if method == "xmlid_to_res_id":
        return rpc_as(url, "admin", model, method, *args, **kwargs)
    return rpc_as(url, "admin", model, method, args, **kwargs)


def xmlrpc_as(url, login, model, method, *args, **kwargs):
    """The ORM over XML-RPC as ``login`` (password = login), as any outside
    client calls it: its own context, ids and values. A refusal comes back
    as ``xmlrpc.client.Fault`` whose ``faultString`` holds the message."""
    import xmlrpc.client
    database = os.environ["KPA_TEST_DB"]
    common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common",
                                       allow_none=True)
    uid = common.login(database, login, login)
    assert uid, "%s cannot log in" % login
    models = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/object",
                                       allow_none=True)
    return models.execute_kw(database, uid, login, model, method,
                             list(args), kwargs)
