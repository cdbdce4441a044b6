"""Where the Runlens server, its token and the spool folder are, without asking the user.

The same data directory the core uses (src-main/core/data-dir.ts defaultDataDir): the running
server writes `<data>/server.json` and keeps its token in `<data>/token`; RUNLENS_URL and
RUNLENS_TOKEN override both, RUNLENS_SPOOL the spool folder.
"""

import json
import os
import sys
from pathlib import Path
from typing import Mapping, NamedTuple, Optional


class Endpoint(NamedTuple):
    """A server to talk to: its base URL (ending in `/`) and bearer token (None: no auth)."""

    url: str
    token: Optional[str]


def data_dir(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """$RUNLENS_DATA, else the per-user app-data folder the desktop app and `runlens serve` use."""
    if env.get("RUNLENS_DATA"):
        return Path(env["RUNLENS_DATA"])
    home = Path.home()
    if platform == "darwin":
        return home / "Library" / "Application Support" / "runlens"
    if platform == "win32":
        return Path(env.get("APPDATA") or home / "AppData" / "Roaming") / "runlens"
    return Path(env.get("XDG_DATA_HOME") or home / ".local" / "share") / "runlens"


def spool_dir(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """The folder the core watches on every start: runs written there while it is down are not lost."""
    if env.get("RUNLENS_SPOOL"):
        return Path(env["RUNLENS_SPOOL"])
    return data_dir(env, platform) / "spool"


def find_endpoint(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Optional[Endpoint]:
    """The server to log to, or None when none is configured or running (the run goes to the spool)."""
    data = data_dir(env, platform)
    url = env.get("RUNLENS_URL") or _url_from_server_file(data / "server.json")
    if not url:
        return None
    token = env.get("RUNLENS_TOKEN") or _read_token(data / "token")
    return Endpoint(url if url.endswith("/") else url + "/", token)


def _url_from_server_file(path: Path) -> Optional[str]:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = info.get("url") if isinstance(info, dict) else None
    return url if isinstance(url, str) and url else None


def _read_token(path: Path) -> Optional[str]:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return token or None
