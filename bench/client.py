"""An in-process HTTP client on Odoo's WSGI application.

No network and one thread: the SQL queries a request runs are exactly the
growth of ``odoo.sql_db.sql_counter`` (Odoo adds each cursor's count when it
closes), and the time is the server's time.
"""
import json
import re
import time

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}


class OdooClient:

    def __init__(self, database):
        import odoo
        from werkzeug.test import Client
        from werkzeug.wrappers import BaseResponse
        self.odoo = odoo
        self.database = database
        self.client = Client(odoo.service.wsgi_server.application,
                             BaseResponse)

    def _measure(self, call):
        counter = self.odoo.sql_db
        before = counter.sql_counter
        started = time.perf_counter()
        response = call()
        elapsed = time.perf_counter() - started
        return response, counter.sql_counter - before, elapsed

    def login(self, login, password=None):
        page = self.client.get("/web/login?db=%s" % self.database,
                               environ_base=ENVIRON)
        token = CSRF.search(page.get_data(as_text=True)).group(1)
        response = self.client.post("/web/login", data={
            "login": login, "password": password or login,
            "csrf_token": token, "db": self.database}, environ_base=ENVIRON)
        # Odoo 11 answers a good login with a page that redirects in JS.
        if "window.location" not in response.get_data(as_text=True):
            raise RuntimeError("login %s failed (%s)" % (
                login, response.status_code))

    def get(self, path):
        """GET a page: (status, queries, seconds)."""
        response, queries, elapsed = self._measure(
            lambda: self.client.get(path, environ_base=ENVIRON))
        return response.status_code, queries, elapsed

    def json(self, path, params):
        """The result of a JSON-RPC call (an error raises)."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1,
                           "params": params})
        response = self.client.post(
            path, data=body, content_type="application/json",
            environ_base=ENVIRON)
        payload = json.loads(response.get_data(as_text=True))
        if "error" in payload:
            raise RuntimeError(payload["error"]["data"]["message"])
        return payload["result"]

    def rpc(self, model, method, args, kwargs=None):
        """``model.method(*args, **kwargs)`` as the web client calls it."""
        return self.json("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": args,
            "kwargs": dict(kwargs or {}, context={"lang": "fr_FR"})})

    def button(self, model, method, record_id):
        """A form's object button, as the web client clicks it."""
        return self.json("/web/dataset/call_button", {
            "model": model, "method": method,
            "args": [[record_id], {"lang": "fr_FR"}]})

    def measure(self, call):
        """(result, queries, seconds) of ``call()``."""
        return self._measure(call)

    def call(self, path, params):
        """A JSON-RPC call as the web client makes it."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1,
                           "params": params})
        response, queries, elapsed = self._measure(
            lambda: self.client.post(
                path, data=body, content_type="application/json",
                environ_base=ENVIRON))
        payload = json.loads(response.get_data(as_text=True))
        if "error" in payload:
            raise RuntimeError(payload["error"]["data"]["message"])
        return response.status_code, queries, elapsed
