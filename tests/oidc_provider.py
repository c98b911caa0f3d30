"""A small OpenID Connect provider that the tests serve themselves, over real HTTP on
127.0.0.1: discovery, JWKS, an authorisation page (a trivial form), and a token endpoint
that checks the client secret, the code, the redirect URI and PKCE, and answers with an
RS256-signed id_token made with PyJWT.

    with LocalOpenIDProvider(client_id="portal", client_secret="hemligt") as idp:
        idp.person = {"sub": "u-1", "email": "anna@sydkusten.se"}
        ...
        idp.tamper = "signature"  # or "audience", "expired", "nonce", "issuer"

Nothing here talks to anything outside the machine.
"""

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

_KEYS = []


def _keys():
    """Two RSA keys for the whole run (making them takes a moment): the provider's own,
    and another that signs the tampered tokens."""
    if not _KEYS:
        _KEYS.extend(rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in "ab")
    return _KEYS


class LocalOpenIDProvider:
    KID = "test-key-1"

    def __init__(self, client_id="kunskapsnatverket", client_secret="klient-hemlighet"):
        self.client_id = client_id
        self.client_secret = client_secret
        self.key, self.other_key = _keys()
        self.person = {"sub": "person-1", "email": "anna@sydkusten.se", "name": "Anna Test"}
        self.tamper = None
        self.codes = {}
        self.authorisation_requests = []  # the query of every /authorize request
        self.token_requests = []  # the form of every /token request
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    # What the provider publishes --------------------------------------------------------

    def discovery(self):
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/jwks",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self):
        key = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**key, "kid": self.KID, "use": "sig", "alg": "RS256"}]}

    # The person's side -------------------------------------------------------------------

    def sign_in(self, authorize_url):
        """What a person does on the provider's page: returns the redirect back to the
        portal (the callback with code and state), as the form's POST would."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
        return self._issue_code(query)

    def _issue_code(self, query):
        code = secrets.token_urlsafe(16)
        self.codes[code] = {**query, "person": dict(self.person)}
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urlencode(back)}"

    def id_token(self, grant):
        now = int(time.time())
        claims = {
            "iss": self.url,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": grant.get("nonce", ""),
            **grant["person"],
        }
        key = self.key
        if self.tamper == "signature":
            key = self.other_key
        elif self.tamper == "audience":
            claims["aud"] = "en-annan-tjanst"
        elif self.tamper == "expired":
            claims["iat"], claims["exp"] = now - 3600, now - 600
        elif self.tamper == "nonce":
            claims["nonce"] = "fel-nonce"
        elif self.tamper == "issuer":
            claims["iss"] = "https://falsk.example.org"
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.KID})

    def _token(self, form):
        self.token_requests.append(form)
        grant = self.codes.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
            or form.get("redirect_uri") != grant.get("redirect_uri")
        ):
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if challenge.decode().rstrip("=") != grant.get("code_challenge"):
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        return 200, {
            "access_token": secrets.token_urlsafe(16),
            "token_type": "Bearer",
            "expires_in": 300,
            "id_token": self.id_token(grant),
        }

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _send(self, status, body, content_type="application/json"):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _form(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode()
                return {k: v[0] for k, v in parse_qs(body).items()}

            def do_GET(self):
                parts = urlsplit(self.path)
                if parts.path == "/.well-known/openid-configuration":
                    return self._send(200, provider.discovery())
                if parts.path == "/jwks":
                    return self._send(200, provider.jwks())
                if parts.path == "/authorize":
                    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                    provider.authorisation_requests.append(query)
                    hidden = "".join(
                        f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                        for k, v in query.items()
                    )
                    page = (
                        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
                        "<title>Organisationens inloggning</title></head><body><main>"
                        "<h1>Organisationens inloggning</h1>"
                        f'<form method="post" action="/authorize">{hidden}'
                        f"<p>Du loggar in som {html.escape(provider.person['email'])}.</p>"
                        "<button>Godkänn inloggningen</button></form></main></body></html>"
                    )
                    return self._send(200, page.encode(), "text/html; charset=utf-8")
                if parts.path == "/favicon.ico":
                    return self._send(204, b"", "image/x-icon")
                return self._send(404, {"error": "not_found"})

            def do_POST(self):
                parts = urlsplit(self.path)
                if parts.path == "/authorize":
                    self.send_response(302)
                    self.send_header("Location", provider._issue_code(self._form()))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if parts.path == "/token":
                    return self._send(*provider._token(self._form()))
                return self._send(404, {"error": "not_found"})

        return Handler
