"""A loopback TCP proxy in front of the test server that can break a transfer part-way.

It counts the bytes each way, and once armed (``cut_up_after`` / ``cut_down_after``) it
closes the connection in the middle of the stream after that many more bytes went that
way: what a dead Wi-Fi does to an upload or a download.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class BreakingProxy:
    target_port: int
    up: int = 0
    down: int = 0
    _cut: dict[str, int | None] = field(default_factory=lambda: {"up": None, "down": None})
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _listener: socket.socket | None = None
    _stopped: threading.Event = field(default_factory=threading.Event)
    _open: list[socket.socket] = field(default_factory=list)
    #: While set, every connection is dropped as it comes: the laptop is offline.
    offline: bool = False

    @property
    def url(self) -> str:
        assert self._listener is not None
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def start(self) -> BreakingProxy:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            for sock in self._open:
                _close(sock)
        if self._listener is not None:
            self._listener.close()

    def go_offline(self) -> None:
        with self._lock:
            self.offline = True
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def go_online(self) -> None:
        with self._lock:
            self.offline = False

    def reset(self) -> None:
        with self._lock:
            self.up = self.down = 0
            self._cut = {"up": None, "down": None}

    def cut_up_after(self, size: int) -> None:
        with self._lock:
            self._cut["up"] = self.up + size

    def cut_down_after(self, size: int) -> None:
        with self._lock:
            self._cut["down"] = self.down + size

    def _accept(self) -> None:
        assert self._listener is not None
        while not self._stopped.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.offline:
                _close(client)
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self._lock:
                self._open += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, "up"), daemon=True).start()
            threading.Thread(
                target=self._pump, args=(upstream, client, "down"), daemon=True
            ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, way: str) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                with self._lock:
                    done = self.up if way == "up" else self.down
                    cut = self._cut[way]
                    if cut is not None and done + len(data) >= cut:
                        data = data[: max(0, cut - done)]
                        self._cut[way] = None
                        broken = True
                    else:
                        broken = False
                    if way == "up":
                        self.up += len(data)
                    else:
                        self.down += len(data)
                if data:
                    sink.sendall(data)
                if broken:
                    break
        except OSError:
            pass
        _close(source)
        _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
