"""Where independent jobs run: one `concurrent.futures.Executor`, three places.

`roster`, `shortlist` and `pitch` hand their jobs (picklable values in,
picklable values out, no shared state) to the executor `job_executor` opens:

- one job after another in this process, with one worker (tests, small runs);
- a process pool sized to the CPUs this process may use, by default;
- a Dask distributed cluster with `--scheduler tcp://HOST:8786`, through
  `Client.get_executor()` (the optional extra `creator-mediakit[dask]`).

A worker on another machine needs only the kits on a path it shares with
this one; its caches live under its own `MEDIAKIT_CACHE_DIR` (mediakit/cache.py).
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from mediakit import DISTRIBUTION
from mediakit.errors import KitError

T = TypeVar("T")

CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cpus(cgroup_root: Path = CGROUP_ROOT, proc_cgroup: Path | None = None) -> int:
    """How many CPUs this process may keep busy: the CPUs it may be scheduled on
    (`os.sched_getaffinity`), lowered to its cgroup's CPU quota, rounded up
    (a quota of 1.5 CPUs keeps two processes busy part of the time). At least 1."""
    try:
        allowed = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        allowed = os.cpu_count() or 1
    quota = cgroup_cpu_quota(cgroup_root, proc_cgroup or Path("/proc/self/cgroup"))
    if quota is not None:
        allowed = min(allowed, math.ceil(quota))
    return max(1, allowed)


def cgroup_cpu_quota(cgroup_root: Path, proc_cgroup: Path) -> float | None:
    """The CPU quota of this process's cgroup in CPUs (1.5 = one and a half), or None
    without one. Containers (Docker's --cpus, Kubernetes' limits, CI runners) set it
    while the affinity still lists every core of the host."""
    try:
        lines = proc_cgroup.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    quotas: list[float] = []
    for line in lines:
        hierarchy, _, path = line.partition(":")[2].partition(":")
        relative = path.strip().lstrip("/")
        if line.startswith("0::"):
            # cgroup v2: "max 100000" or "150000 100000" in cpu.max, at every level
            # from this process's group up to the root (the smallest one binds).
            folder = cgroup_root / relative
            while True:
                quotas += _quota(folder / "cpu.max", None)
                if folder == cgroup_root or cgroup_root not in folder.parents:
                    break
                folder = folder.parent
        elif "cpu" in hierarchy.split(","):
            # cgroup v1: the quota and the period are two files.
            for base in (cgroup_root / "cpu,cpuacct", cgroup_root / "cpu"):
                quotas += _quota(base / relative / "cpu.cfs_quota_us", base / relative)
                quotas += _quota(base / "cpu.cfs_quota_us", base)
    return min(quotas) if quotas else None


def _quota(file: Path, v1_folder: Path | None) -> list[float]:
    try:
        text = file.read_text(encoding="utf-8").split()
        if v1_folder is None:
            limit, period = text[0], text[1]
        else:
            limit = text[0]
            period = (v1_folder / "cpu.cfs_period_us").read_text(encoding="utf-8").split()[0]
        if limit in ("max", "-1"):
            return []
        return [int(limit) / int(period)] if int(period) > 0 and int(limit) > 0 else []
    except (OSError, IndexError, ValueError):
        return []


class InlineExecutor(Executor):
    """Runs each job at once, in this process: one worker needs no pool."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._shut = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        with self._lock:
            if self._shut:
                raise RuntimeError("cannot schedule new jobs after shutdown")
        future: Future[T] = Future()
        future.set_running_or_notify_cancel()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._shut = True


@contextmanager
def job_executor(
    workers: int | None = None, scheduler: str | None = None, *, jobs: int | None = None
) -> Iterator[Executor]:
    """The executor to submit jobs to, shut down (waiting for its jobs) on leaving.

    `scheduler` (tcp://HOST:8786) runs them on that Dask cluster; else `workers`
    processes (default: the CPUs this process may use, and no more than `jobs`),
    or this process alone for one worker.
    """
    if scheduler is not None:
        with _dask_executor(scheduler) as executor:
            yield executor
        return
    count = workers or usable_cpus()
    if jobs is not None:
        count = min(count, max(jobs, 1))
    pool: Executor = InlineExecutor() if count <= 1 else ProcessPoolExecutor(count)
    with pool:
        yield pool


@contextmanager
def _dask_executor(address: str) -> Iterator[Executor]:
    try:
        from distributed import Client
    except ImportError:
        raise KitError(
            f'--scheduler needs Dask: pip install "{DISTRIBUTION}[dask]"'
            " (on this machine and on every worker)"
        ) from None
    try:
        client = Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise KitError(
            f"--scheduler: no Dask scheduler answered at {address} ({error}). "
            "Start one with `dask scheduler` and workers with `dask worker ADDRESS`."
        ) from None
    try:
        # pure=False: every job writes files, so two equal jobs must both run,
        # never be answered from the cluster's memory of the first.
        with client.get_executor(pure=False) as executor:  # type: ignore[no-untyped-call]
            yield executor
    finally:
        client.close()  # type: ignore[no-untyped-call]
