"""`runlens serve` listens on loopback only: its listening sockets, as the kernel lists them,
are bound to 127.0.0.1, and the machine's other address refuses a connection to its port."""

from __future__ import annotations

import socket
import urllib.parse

import pytest

from listening_sockets import listening, non_loopback_address
from runlens_proc import runlens_serve as serve


def test_serve_binds_only_the_loopback_address(tmp_path):
    with serve(tmp_path / "data") as rl:
        port = urllib.parse.urlsplit(rl.url).port
        sockets = listening(rl.proc.pid)
        assert (("127.0.0.1", port)) in sockets, sockets
        assert all(addr == "127.0.0.1" for addr, _ in sockets), f"listening beyond loopback: {sockets}"


def test_the_machines_other_address_refuses_the_port(tmp_path):
    address = non_loopback_address()
    if address is None:
        pytest.skip("this machine has no address but loopback")
    with serve(tmp_path / "data") as rl:
        port = urllib.parse.urlsplit(rl.url).port
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((address, port), timeout=5).close()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # the same port answers on loopback, so the refusal above is the bind, not a dead server
