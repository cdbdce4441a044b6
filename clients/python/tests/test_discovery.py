import json
from pathlib import Path

from runlens.discovery import Endpoint, data_dir, find_endpoint, spool_dir


def test_data_dir_per_platform_as_the_core_places_it() -> None:
    home = Path.home()
    assert data_dir({}, "linux") == home / ".local" / "share" / "runlens"
    assert data_dir({"XDG_DATA_HOME": "/x"}, "linux") == Path("/x/runlens")
    assert data_dir({}, "darwin") == home / "Library" / "Application Support" / "runlens"
    assert data_dir({"APPDATA": "C:/Users/u/AppData/Roaming"}, "win32") == Path("C:/Users/u/AppData/Roaming/runlens")
    assert data_dir({"RUNLENS_DATA": "/d", "XDG_DATA_HOME": "/x"}, "linux") == Path("/d")


def test_spool_is_in_the_data_dir_unless_overridden() -> None:
    assert spool_dir({"RUNLENS_DATA": "/d"}, "linux") == Path("/d/spool")
    assert spool_dir({"RUNLENS_DATA": "/d", "RUNLENS_SPOOL": "/s"}, "linux") == Path("/s")


def test_no_server_file_and_no_url_means_no_endpoint(tmp_path: Path) -> None:
    assert find_endpoint({"RUNLENS_DATA": str(tmp_path)}) is None


def test_server_file_and_token_file_are_read(tmp_path: Path) -> None:
    (tmp_path / "server.json").write_text(json.dumps({"url": "http://127.0.0.1:5850/", "port": 5850, "pid": 1}))
    (tmp_path / "token").write_text("tok\n")
    assert find_endpoint({"RUNLENS_DATA": str(tmp_path)}) == Endpoint("http://127.0.0.1:5850/", "tok")


def test_environment_overrides_both_files(tmp_path: Path) -> None:
    (tmp_path / "server.json").write_text(json.dumps({"url": "http://127.0.0.1:5850/"}))
    (tmp_path / "token").write_text("tok\n")
    env = {"RUNLENS_DATA": str(tmp_path), "RUNLENS_URL": "http://127.0.0.1:9999", "RUNLENS_TOKEN": "other"}
    assert find_endpoint(env) == Endpoint("http://127.0.0.1:9999/", "other")
    assert find_endpoint({"RUNLENS_DATA": str(tmp_path), "RUNLENS_URL": "http://127.0.0.1:9999"}) == Endpoint("http://127.0.0.1:9999/", "tok")


def test_a_broken_server_file_is_no_server(tmp_path: Path) -> None:
    (tmp_path / "server.json").write_text("{half")
    assert find_endpoint({"RUNLENS_DATA": str(tmp_path)}) is None
