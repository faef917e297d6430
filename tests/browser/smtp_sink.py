"""A real SMTP server on a free loopback port that keeps what it receives:
Odoo sends its emails to it (an ``ir.mail_server`` record pointing here),
the test reads them as the member would."""
import email
import email.policy
import socketserver
import threading


class _Session(socketserver.StreamRequestHandler):

    def _say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self._say("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self._say("250 sink")
            elif verb.startswith("DATA"):
                self._say("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    chunk = self.rfile.readline()
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    lines.append(chunk[1:] if chunk.startswith(b"..")
                                 else chunk)
                self.server.messages.append(email.message_from_bytes(
                    b"".join(lines), policy=email.policy.default))
                self._say("250 kept")
            elif verb.startswith("QUIT"):
                self._say("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self._say("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Session)
        self.messages = []
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def close(self):
        self.shutdown()
        self.server_close()

    def to(self, address):
        """The text bodies of the messages sent to ``address``."""
        found = []
        for message in self.messages:
            if address in str(message.get("To", "")):
                body = message.get_body(preferencelist=("html", "plain"))
                found.append(body.get_content())
        return found
