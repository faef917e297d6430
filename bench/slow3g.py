"""A member's pages on a slow 3G line: bytes, requests and time to load, on
the first visit (empty cache) and the next one (warm cache), with Odoo
answering directly and through a gzip-compressing reverse proxy.

    .venv-browser/bin/python -m bench.slow3g DATABASE

Chromium (Debian's, driven by Playwright) gets the line through the
DevTools protocol (``Network.emulateNetworkConditions``): 400 kbit/s down,
400 kbit/s up, 400 ms round trip. Odoo 11 sends its pages and asset bundles
uncompressed (a reverse proxy's job): the proxy here is a small threaded
Python one that gzips text answers (level 6, like nginx with ``gzip on``
and ``gzip_types`` for CSS and JavaScript), everything else passed through
untouched.

Writes bench/slow3g.md and exits 1 when a target is missed (TARGETS).
"""
import argparse
import gzip
import http.client
import http.server
import os
import re
import sys
import threading
import time
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from bench.load import CSRF, start_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = {"offline": False, "latency": 400,
        "downloadThroughput": 400 * 1000 // 8,
        "uploadThroughput": 400 * 1000 // 8}
# The member's first screen (public), their home and their pay.
PAGES = ["/web/login", "/my", "/my/declarations"]
HOME = "/my"
MEMBER = "samir"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-dev-shm-usage"]
# What a member on a slow 3G line gets, through the recommended reverse
# proxy (gzip on): (visit, most kB on the wire, most seconds to "load").
TARGETS = {"first": (420, 12.0), "next": (40, 2.0)}
COMPRESSED = re.compile(r"^(text/|application/(javascript|json|xml)|"
                        r"image/svg)")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding",
              "content-length", "proxy-connection", "te", "upgrade"}


class GzipProxy(http.server.ThreadingHTTPServer):
    """A reverse proxy to ``upstream`` that gzips text answers for clients
    that accept it, as nginx's ``gzip on`` would."""

    daemon_threads = True

    def __init__(self, upstream):
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.upstream = urlsplit(upstream)
        self.url = "http://127.0.0.1:%d" % self.server_address[1]


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args):
        pass

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection(
            self.server.upstream.hostname, self.server.upstream.port,
            timeout=120)
        headers = {key: value for key, value in self.headers.items()
                   if key.lower() not in HOP_BY_HOP
                   and key.lower() != "accept-encoding"}
        upstream.request(self.command, self.path, body, headers)
        answer = upstream.getresponse()
        data = answer.read()
        upstream.close()
        self.send_response(answer.status, answer.reason)
        kind = answer.getheader("Content-Type") or ""
        if "gzip" in (self.headers.get("Accept-Encoding") or "") \
                and COMPRESSED.match(kind) and len(data) > 1024:
            data = gzip.compress(data, 6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        for key, value in answer.getheaders():
            if key.lower() not in HOP_BY_HOP:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = _forward


def log_in(context, url):
    """Log the member in over plain HTTP: the session cookie lands in the
    browser context, the browser's cache stays empty."""
    page = context.request.get(url + "/web/login")
    token = CSRF.search(page.text()).group(1)
    answer = context.request.post(url + "/web/login", form={
        "login": MEMBER, "password": MEMBER, "csrf_token": token})
    assert answer.ok and "window.location" in answer.text(), "login failed"


def visit(page, cdp, url):
    """Load ``url`` on the throttled line: (kB, requests, seconds to the
    load event, [(kB, url)] per request)."""
    sizes, urls, cached = {}, {}, set()

    def sent(event):
        if not event["request"]["url"].startswith("data:"):
            urls[event["requestId"]] = event["request"]["url"]

    def finished(event):
        sizes[event["requestId"]] = event["encodedDataLength"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    cdp.on("Network.requestServedFromCache",
           lambda event: cached.add(event["requestId"]))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    seconds = page.evaluate(
        "performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
    cdp.remove_listener("Network.requestWillBeSent", sent)
    cdp.remove_listener("Network.loadingFinished", finished)
    on_wire = {rid: sizes.get(rid, 0) for rid in urls if rid not in cached}
    per_request = sorted(((size / 1000, urlsplit(urls[rid]).path)
                          for rid, size in on_wire.items()), reverse=True)
    requests = sum(1 for size in on_wire.values() if size)
    return sum(on_wire.values()) / 1000, requests, seconds, per_request


def measure(browser, url):
    """{(page, visit): (kB, requests, s, per request)} for a member."""
    results = {}
    for path in PAGES:
        context = browser.new_context(viewport={"width": 390,
                                                "height": 844},
                                      locale="fr-FR")
        if path.startswith("/my"):
            log_in(context, url)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", LINE)
        results[path, "first"] = visit(page, cdp, url + path)
        results[path, "next"] = visit(page, cdp, url + path)
        context.close()
    return results


def table(runs):
    lines = ["| page | visit | served | kB on the wire | requests | "
             "load (s) |", "| --- | --- | --- | --- | --- | --- |"]
    for served, results in runs:
        for (path, when), (kb, count, seconds, _detail) in results.items():
            lines.append("| %s | %s | %s | %.0f | %d | %.1f |" % (
                path, when, served, kb, count, seconds))
    return "\n".join(lines)


def heaviest(results, count=6):
    detail = results[HOME, "first"][3]
    return "\n".join("    %7.1f kB  %s" % item for item in detail[:count])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    args = parser.parse_args()
    report_path = os.path.join(ROOT, "bench", "slow3g.md")
    if os.path.exists(report_path):
        os.remove(report_path)
    server, url = start_server(args.database, 2)
    proxy = GzipProxy(url)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", headless=True,
                args=CHROMIUM_ARGS)
            for path in PAGES:  # compile the assets once, unthrottled
                context = browser.new_context()
                log_in(context, url)
                context.new_page().goto(url + path)
                context.close()
            runs = [("Odoo directly", measure(browser, url)),
                    ("gzip proxy", measure(browser, proxy.url))]
            browser.close()
    finally:
        proxy.shutdown()
        server.terminate()
        server.wait(timeout=30)
    text = table(runs)
    missed = [
        "%s %s visit: %.0f kB, %.1f s (target %d kB, %.0f s)" % (
            path, when, kb, seconds, TARGETS[when][0], TARGETS[when][1])
        for (path, when), (kb, _n, seconds, _d) in runs[1][1].items()
        if kb > TARGETS[when][0] or seconds > TARGETS[when][1]]
    direct = runs[0][1][HOME, "first"]
    report = (
        "Slow 3G (400 kbit/s down and up, 400 ms round trip, Chromium's "
        "DevTools throttling), member `%s` at 390 px, database `%s`, "
        "measured %s by bench/slow3g.py (`make bench`).\n\nTarget, through "
        "a reverse proxy that compresses (gzip), as README recommends: "
        "first visit (empty cache) at most %d kB and %.0f s to the load "
        "event; next visit (warm cache) at most %d kB and %.0f s. %s "
        "Odoo 11 alone compresses nothing: the first visit to %s takes "
        "%.0f kB and %.0f s.\n\n%s\n\nHeaviest requests of the first visit "
        "to %s, Odoo directly:\n\n%s\n\nThe same, through the proxy:"
        "\n\n%s\n" % (
            MEMBER, args.database, time.strftime("%Y-%m-%d"),
            TARGETS["first"][0], TARGETS["first"][1], TARGETS["next"][0],
            TARGETS["next"][1],
            "Met." if not missed else "MISSED: " + "; ".join(missed),
            HOME, direct[0], direct[2], text, HOME, heaviest(runs[0][1]),
            heaviest(runs[1][1])))
    print(report)
    with open(report_path, "w") as handle:
        handle.write("# A member on a slow 3G line\n\n" + report)
    if missed:
        sys.exit("slow 3G targets missed: " + "; ".join(missed))


if __name__ == "__main__":
    main()
