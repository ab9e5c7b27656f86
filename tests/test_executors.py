"""Where jobs run: the CPUs a process may use, and the executor each place gets."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from mediakit.errors import KitError
from mediakit.executors import InlineExecutor, cgroup_cpu_quota, job_executor, usable_cpus

AFFINITY = len(os.sched_getaffinity(0))


def cgroup_v2(tmp_path: Path, limits: dict[str, str]) -> tuple[Path, Path]:
    """A fake /sys/fs/cgroup with cpu.max files at the given levels, and /proc/self/cgroup."""
    root = tmp_path / "cgroup"
    for level, text in limits.items():
        folder = root / level if level else root
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cpu.max").write_text(text + "\n")
    proc = tmp_path / "proc-cgroup"
    proc.write_text("0::/kubepods/pod1\n")
    (root / "kubepods" / "pod1").mkdir(parents=True, exist_ok=True)
    return root, proc


def test_a_cgroup_v2_quota_is_read_in_cpus(tmp_path: Path) -> None:
    # 150000 µs of CPU time every 100000 µs: one and a half CPUs.
    root, proc = cgroup_v2(tmp_path, {"kubepods/pod1": "150000 100000"})
    assert cgroup_cpu_quota(root, proc) == 1.5
    # Rounded up: two processes, busy three quarters of the time each.
    assert usable_cpus(root, proc) == min(AFFINITY, 2)


def test_the_tightest_level_binds(tmp_path: Path) -> None:
    # The pod may use 4 CPUs, but its parent group only half of one: 50000 / 100000.
    root, proc = cgroup_v2(tmp_path, {"kubepods/pod1": "400000 100000", "kubepods": "50000 100000"})
    assert cgroup_cpu_quota(root, proc) == 0.5
    assert usable_cpus(root, proc) == 1  # never less than one


def test_no_quota_leaves_the_affinity(tmp_path: Path) -> None:
    root, proc = cgroup_v2(tmp_path, {"kubepods/pod1": "max 100000"})
    assert cgroup_cpu_quota(root, proc) is None
    assert usable_cpus(root, proc) == AFFINITY
    assert usable_cpus(tmp_path / "nothing", tmp_path / "no-proc-file") == AFFINITY


def test_a_cgroup_v1_quota(tmp_path: Path) -> None:
    folder = tmp_path / "cgroup" / "cpu,cpuacct" / "docker" / "abc"
    folder.mkdir(parents=True)
    (folder / "cpu.cfs_quota_us").write_text("100000\n")  # 100 ms every 100 ms: one CPU
    (folder / "cpu.cfs_period_us").write_text("100000\n")
    proc = tmp_path / "proc-cgroup"
    proc.write_text("4:cpu,cpuacct:/docker/abc\n3:memory:/docker/abc\n")
    assert cgroup_cpu_quota(tmp_path / "cgroup", proc) == 1.0
    (folder / "cpu.cfs_quota_us").write_text("-1\n")  # no limit
    assert cgroup_cpu_quota(tmp_path / "cgroup", proc) is None


def test_the_affinity_of_the_process_is_respected() -> None:
    # A process pinned to one core (taskset -c 0) gets one worker.
    code = "import os; os.sched_setaffinity(0, {0}); from mediakit.executors import usable_cpus; print(usable_cpus())"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "1"


def square(value: int) -> int:
    if value < 0:
        raise ValueError("negative")
    return value * value


def test_one_worker_runs_jobs_here() -> None:
    with job_executor(workers=1) as executor:
        assert isinstance(executor, InlineExecutor)
        assert executor.submit(square, 7).result() == 49
        failing = executor.submit(square, -1)
        with pytest.raises(ValueError, match="negative"):
            failing.result()
    with pytest.raises(RuntimeError):
        executor.submit(square, 2)


def test_several_workers_get_a_process_pool_no_larger_than_the_jobs() -> None:
    with job_executor(workers=2, jobs=5) as executor:
        assert isinstance(executor, ProcessPoolExecutor)
        assert list(executor.map(square, range(5))) == [0, 1, 4, 9, 16]
    # One job needs no pool, however many workers are allowed.
    with job_executor(workers=8, jobs=1) as executor:
        assert isinstance(executor, InlineExecutor)


@pytest.mark.slow
def test_no_scheduler_at_the_address_is_a_clear_error() -> None:
    with pytest.raises(KitError) as caught, job_executor(scheduler="tcp://127.0.0.1:9"):
        pass
    assert "no Dask scheduler answered at tcp://127.0.0.1:9" in str(caught.value)
