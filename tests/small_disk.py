"""A disk that fills for real under a running server process, and frees again.

Where this process may mount (root, as in CI), the folder is a small tmpfs and `fill()` takes its
last free block with a filler file: the server's next write that needs room fails with ENOSPC.
Everywhere, `fill()` can instead lower the server's file-size limit (RLIMIT_FSIZE, through prlimit)
to just above its largest file: the next write that grows a file fails with EFBIG, possibly after a
short write, as on a full disk. Python ignores SIGXFSZ from its start, so the limit is an error for
the server, not a kill.
"""

from __future__ import annotations

import errno
import resource
import subprocess
from pathlib import Path

KINDS = ["tmpfs", "file-size limit"]


class SmallDisk:
    def __init__(self, folder: Path, kind: str):
        self.folder = folder
        self.kind = kind
        self._filler = folder / "filler"
        self._pid = 0
        self._limits = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)

    @classmethod
    def make(cls, folder: Path, kind: str) -> SmallDisk | None:
        """The disk, or None when this machine does not let a test mount one."""
        folder.mkdir()
        if kind == "tmpfs":
            mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True)
            if mounted.returncode != 0:
                return None
        return cls(folder, kind)

    def fill(self, pid: int) -> None:
        """From now on, the next write of process `pid` that needs room fails."""
        if self.kind == "tmpfs":
            with open(self._filler, "wb", buffering=0) as filler:
                try:
                    while True:
                        filler.write(bytes(4096))
                except OSError as error:
                    assert error.errno == errno.ENOSPC, error
        else:
            largest = max(path.stat().st_size for path in self.folder.iterdir())
            self._pid = pid
            self._limits = resource.prlimit(
                pid, resource.RLIMIT_FSIZE, (largest + 16, resource.getrlimit(resource.RLIMIT_FSIZE)[1])
            )

    def free(self) -> None:
        if self.kind == "tmpfs":
            self._filler.unlink()
        else:
            resource.prlimit(self._pid, resource.RLIMIT_FSIZE, self._limits)

    def remove(self) -> None:
        if self.kind == "tmpfs":
            subprocess.run(["umount", "--lazy", str(self.folder)], check=True)
