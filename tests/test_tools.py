"""tests/tools.py: a test whose tool is missing skips on a creator's machine, and fails under CI."""

from __future__ import annotations

import pytest

from tests import tools


def test_a_missing_tool_skips_naming_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(tools, "_present", lambda tool: tool != "chromium")
    with pytest.raises(
        pytest.skip.Exception,
        match=r"needs chromium: install with `sudo scripts/install-test-tools`",
    ):
        tools.require("java", "chromium")


def test_a_missing_tool_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(tools, "_present", lambda tool: False)
    with pytest.raises(pytest.fail.Exception, match="CI must run every test"):
        tools.require("java")


def test_tools_that_are_there_let_the_test_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(tools, "_present", lambda tool: True)
    tools.require("chromium", "java", "vnu", "node", "actionlint", "cjk-font")
