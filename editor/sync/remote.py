"""The newsroom server seen from a client: JSON over HTTPS with a bearer token (httpx).

Certificates are verified: the system's CAs, or a newsroom's own CA file (``cafile``).
A server that cannot be reached raises OfflineError; one that answers with an error
raises RemoteError (SignInRequiredError for a refused token) with the server's message.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from editor import __version__
from editor.errors import OfflineError, RemoteError, SignInRequiredError
from editor.i18n import _

API = "/api/v1"
TIMEOUT_SECONDS = 30.0
#: The server answers a long-poll within this; the client waits a little longer.
WAIT_SECONDS = 25.0


def _system_trust() -> ssl.SSLContext:
    """The system's CAs, and certifi's beside them where the system keeps none Python can
    read (macOS with a python.org build)."""
    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(certifi.where())
    except (ImportError, OSError):
        pass
    return context


def normalise_server_url(url: str) -> str:
    url = url.strip().rstrip("/")
    if "://" not in url:
        url = "https://" + url
    return url


class RemoteServer:
    """One newsroom server; ``close`` when done (or use it as a context manager)."""

    def __init__(self, url: str, *, token: str | None = None, cafile: str | None = None) -> None:
        self.url = normalise_server_url(url)
        self.token = token
        verify = ssl.create_default_context(cafile=cafile) if cafile else _system_trust()
        self._client = httpx.Client(
            base_url=self.url + API,
            verify=verify,
            timeout=httpx.Timeout(TIMEOUT_SECONDS, connect=10.0),
            headers={"User-Agent": f"redaksi/{__version__}"},
        )

    def __enter__(self) -> RemoteServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _request(
        self, method: str, path: str, *, timeout: float | None = None, **kwargs: Any
    ) -> Any:
        response = self._send(method, path, timeout=timeout, **kwargs)
        try:
            return response.json()
        except ValueError:
            return {}

    def _send(
        self,
        method: str,
        path: str,
        *,
        timeout: float | None = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        """The response of a request that succeeded; OfflineError or RemoteError else."""
        headers = {
            **(headers or {}),
            **({"Authorization": f"Bearer {self.token}"} if self.token else {}),
        }
        try:
            response = self._client.request(
                method,
                path,
                headers=headers,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                **kwargs,
            )
        except httpx.HTTPError as error:
            raise OfflineError(
                _(
                    "The newsroom server {url} cannot be reached ({error}). Your work is kept "
                    "on this computer and goes up at the next sync."
                ).format(url=self.url, error=str(error) or type(error).__name__)
            ) from error
        if response.status_code < 400:
            return response
        try:
            data = response.json()
        except ValueError:
            data = {}
        message = data.get("error") if isinstance(data, dict) else None
        message = message or _("The newsroom server {url} answered {status}.").format(
            url=self.url, status=response.status_code
        )
        code = data.get("code", "") if isinstance(data, dict) else ""
        if response.status_code == 401:
            raise SignInRequiredError(message, status=401, code=code)
        raise RemoteError(message, status=response.status_code, code=code)

    def login(self, handle: str, password: str, label: str) -> dict[str, Any]:
        result: dict[str, Any] = self._request(
            "POST", "/login", json={"handle": handle, "password": password, "label": label}
        )
        return result

    def hello(self) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", "/hello")
        return result

    def logout(self) -> None:
        self._request("POST", "/logout")

    def push(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        data = self._request("POST", "/push", json={"ops": ops})
        results: list[dict[str, Any]] = data.get("results", [])
        return results

    def pull(self, after: int, limit: int = 500) -> dict[str, Any]:
        result: dict[str, Any] = self._request(
            "GET", "/pull", params={"after": after, "limit": limit}
        )
        return result

    def wait(self, after: int, timeout: float = WAIT_SECONDS) -> int:
        """The newest change number, as soon as it passes ``after`` (or at ``timeout``)."""
        data = self._request(
            "GET", "/wait", params={"after": after, "timeout": f"{timeout:g}"}, timeout=timeout + 10
        )
        return int(data.get("cursor", after))

    def article(self, article_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", f"/articles/{article_id}")
        return result

    def tokens(self) -> list[dict[str, Any]]:
        data = self._request("GET", "/tokens")
        tokens: list[dict[str, Any]] = data.get("tokens", [])
        return tokens

    def revoke(self, token_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self._request("POST", f"/tokens/{token_id}/revoke")
        return result

    # --- pictures (editor.sync.media_transfer) -------------------------------------------

    def missing_media(self, hashes: list[str]) -> dict[str, int]:
        """The pictures the server lacks, each with the bytes it keeps of it so far."""
        data = self._request("POST", "/media/missing", json={"hashes": hashes})
        kept = data.get("received") or {}
        return {str(sha): int(kept.get(sha) or 0) for sha in data.get("missing", [])}

    def upload_status(self, sha256: str) -> dict[str, Any]:
        result: dict[str, Any] = self._request("GET", f"/media/{sha256}/upload")
        return result

    def upload_chunk(self, sha256: str, offset: int, total: int, chunk: bytes) -> dict[str, Any]:
        result: dict[str, Any] = self._request(
            "PUT",
            f"/media/{sha256}/upload",
            params={"offset": offset, "total": total},
            content=chunk,
            headers={"Content-Type": "application/octet-stream"},
        )
        return result

    def download_range(self, sha256: str, start: int, length: int) -> tuple[bytes, int]:
        """``length`` bytes of the picture from ``start``, and the picture's whole size."""
        response = self._send(
            "GET", f"/media/{sha256}", headers={"Range": f"bytes={start}-{start + length - 1}"}
        )
        total = response.headers.get("content-range", "").rpartition("/")[2]
        try:
            size = int(total)
        except ValueError:
            size = len(response.content) if start == 0 else -1
        return response.content, size
