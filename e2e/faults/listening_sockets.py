"""The TCP sockets a process listens on, read from /proc (Linux): its socket inodes from
/proc/<pid>/fd, matched against the LISTEN rows of /proc/net/tcp and /proc/net/tcp6."""

from __future__ import annotations

import ipaddress
import os
import socket
import struct
from pathlib import Path

_LISTEN = "0A"


def _address(hex_addr: str) -> str:
    # The kernel prints each 32-bit word of the address in host byte order.
    raw = bytes.fromhex(hex_addr)
    words = struct.unpack(f"={len(raw) // 4}I", raw)
    return str(ipaddress.ip_address(b"".join(struct.pack(">I", w) for w in words)))


def listening(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket `pid` listens on, IPv4 and IPv6."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed between listing and reading
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            cols = row.split()
            if cols[3] == _LISTEN and cols[9] in inodes:
                addr, port = cols[1].split(":")
                found.append((_address(addr), int(port, 16)))
    return found


def non_loopback_address() -> str | None:
    """This machine's address on its default route, if it has one that is not loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect picks a route, sends nothing
        except OSError:
            return None
        addr = s.getsockname()[0]
    return None if ipaddress.ip_address(addr).is_loopback else addr
