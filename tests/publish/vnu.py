"""The Nu Html Checker (vnu.jar, the W3C's HTML checker) over whole folders of pages.

scripts/bootstrap.sh --for-tests installs it from the npm package ``vnu-jar`` (pinned in
scripts/html_checker/) into build/vnu/, and Java 17 or newer from Debian. Starting the
JVM costs more than checking a page, so every folder a test wants checked goes to one
run. Without Java or the jar the tests that need it are skipped, except under
scripts/test.sh (which installs both first), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

JAR = Path(__file__).resolve().parents[2] / "build/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _java() -> str:
    java = shutil.which("java")
    if java is None or not JAR.is_file():
        missing = "java" if java is None else str(JAR)
        reason = f"the Nu Html Checker needs {missing}: run scripts/bootstrap.sh --for-tests"
        if os.environ.get("REDAKSI_TOOLS_INSTALLED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return java


def check_pages(*folders: Path) -> list[Finding]:
    """Every error the checker finds in the .html files under ``folders`` (one JVM)."""
    java = _java()
    result = subprocess.run(
        [
            java,
            "-jar",
            str(JAR),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            "--skip-non-html",
            "--no-langdetect",
            *(str(folder.resolve()) for folder in folders),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(
            f"the checker said no JSON (exit {result.returncode}): {result.stderr[-2000:]!r}"
        ) from None
    return [
        Finding(
            Path(unquote(urlparse(message.get("url", "")).path)),
            int(message.get("lastLine", 0)),
            f"{message.get('type')}: {message.get('message')}",
        )
        for message in messages
    ]
