"""The child process of a bounded extraction: ``python -m cms.extraction_worker``.

It reads the file's bytes from stdin, limits its own address space (``RLIMIT_AS``) and CPU time
before it imports any format library, extracts the text within the caps and writes one JSON object
to stdout: ``{"status": "done", "text": ...}`` or ``{"status": "failed", "reason": ..., "value": ...}``.
The parent (``cms.extraction_runner``) kills it at the wall-clock limit. It imports nothing of Django.
"""

import argparse
import json
import resource
import sys

from cms.extraction import Caps, LimitExceeded, extract_text


def limit_resources(*, memory_mb: int, cpu_seconds: int) -> None:
    """Cap this process's address space and CPU time; the kernel enforces both."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def peak_address_space() -> int:
    """This process's peak virtual memory in bytes (``VmPeak``), what ``RLIMIT_AS`` bounds.

    Read from ``/proc/self/status`` because it belongs to this process's own memory map: the
    ``ru_maxrss`` of ``getrusage`` survives ``fork`` and ``exec``, so a child of a large parent (a
    gunicorn worker, a test run) would start with the parent's peak and look out of memory at once.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024  # kilobytes
    return 0


def near_memory_limit(share: float = 0.75) -> bool:
    """Whether this process's peak address space came within ``share`` of its limit.

    libxml2 reports a failed allocation as an XMLSyntaxError («unknown error»), not a MemoryError, so
    an exception raised this close to the limit is taken for what it most likely is.
    """
    limit, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return limit != resource.RLIM_INFINITY and peak_address_space() >= share * limit


def run(data: bytes, filename: str, caps: Caps) -> dict:
    """Extract and describe the outcome as a JSON-ready dict; never raises."""
    try:
        return {"status": "done", "text": extract_text(data, filename, caps)}
    except LimitExceeded as exc:
        return {"status": "failed", "reason": exc.reason, "value": exc.value}
    except MemoryError:
        return {"status": "failed", "reason": "memory", "value": 0}
    except RecursionError:
        return {"status": "failed", "reason": "damaged", "value": 0, "detail": "too deeply nested"}
    except Exception as exc:  # noqa: BLE001
        # pypdf, python-docx and odfpy raise many unrelated exception types on damaged files.
        if near_memory_limit():
            return {"status": "failed", "reason": "memory", "value": 0}
        return {
            "status": "failed",
            "reason": "damaged",
            "value": 0,
            "detail": f"{type(exc).__name__}: {exc}"[:300],
        }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--filename", required=True)
    parser.add_argument("--memory-mb", type=int, required=True)
    parser.add_argument("--cpu-seconds", type=int, required=True)
    parser.add_argument("--max-chars", type=int, required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--max-unpacked-bytes", type=int, required=True)
    args = parser.parse_args(argv)
    data = sys.stdin.buffer.read()
    limit_resources(memory_mb=args.memory_mb, cpu_seconds=args.cpu_seconds)
    caps = Caps(
        max_chars=args.max_chars, max_pages=args.max_pages, max_unpacked_bytes=args.max_unpacked_bytes
    )
    try:
        outcome = run(data, args.filename, caps)
        del data
        payload = json.dumps(outcome, ensure_ascii=False)
    except MemoryError:
        payload = json.dumps({"status": "failed", "reason": "memory", "value": 0})
    sys.stdout.write(payload)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
