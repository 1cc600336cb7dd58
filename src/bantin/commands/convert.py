"""``bantin convert``: write UTF-8 (NFC) copies of files in legacy Vietnamese encodings."""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from bantin.commands._common import HELP_FORMATTER

EPILOG = """\
examples:
  bantin convert archive/ -o archive-utf8/             # every text file below archive/, detected
  bantin convert old.txt news.htm -o out/ --explain     # with the score of every encoding tried
  bantin convert abc/*.txt -o out/ --from tcvn3          # skip detection: the files are TCVN3 (ABC)

Encodings: utf-8, utf-8-sig, utf-8-nfd, utf-16, windows-1258 (cp1258), tcvn3 (abc), vni,
viscii, viqr. One line per file on stderr: encoding, confidence, and what could not be
recovered (TCVN3 has no uppercase toned vowels). Output mirrors the input names below DIR;
an input is never overwritten. Exit code 1 if any file could not be converted.
"""

# Extensions converted when walking a directory (files named explicitly are always converted).
TEXT_EXTENSIONS = frozenset(".txt .text .htm .html .xhtml .xml .json .jsonl .csv .tsv .md .srt .rtf".split())
# Below this confidence a detected decoding is not trusted enough to write (use --from).
MIN_CONFIDENCE = 0.2


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert TCVN3/VNI/VISCII/VIQR/cp1258/UTF-16 files to UTF-8 NFC copies",
        description="Detect the encoding of Vietnamese text files (or use --from) and write UTF-8, "
        "NFC-normalized copies into a directory, mirroring their relative names.",
        epilog=EPILOG,
        formatter_class=HELP_FORMATTER,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories (recursive)")
    parser.add_argument("-o", "--output-dir", required=True, metavar="DIR", help="directory for the UTF-8 copies")
    parser.add_argument("--from", dest="encoding", metavar="ENCODING",
                        help="decode every input with this encoding instead of detecting it")
    parser.add_argument("--explain", action="store_true",
                        help="also print, per file, the score of every encoding tried and all notes")
    parser.set_defaults(func=run)


@dataclass(frozen=True)
class Job:
    source: Path
    target: Path


def plan(inputs: list[str], output_dir: Path) -> tuple[list[Job], list[str]]:
    """(files to convert with their output paths, error messages) for the CLI inputs."""
    jobs: list[Job] = []
    errors: list[str] = []
    out_root = output_dir.resolve()
    for raw in inputs:
        path = Path(raw)
        if raw == "-":
            errors.append("-: stdin is not supported by convert; give file or directory names")
        elif path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                here = Path(dirpath)
                # never descend into the output directory or hidden folders
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                     and (here / d).resolve() != out_root)
                for name in sorted(filenames):
                    if name.startswith(".") or Path(name).suffix.lower() not in TEXT_EXTENSIONS:
                        continue
                    source = here / name
                    jobs.append(Job(source, output_dir / source.relative_to(path)))
        elif path.is_file():
            jobs.append(Job(path, output_dir / path.name))
        else:
            errors.append(f"{raw}: no such file or directory")
    return jobs, errors


def run(args: argparse.Namespace) -> int:
    from bantin.ingest.encoding import candidate_scores, canonical_encoding, decode_bytes

    if args.encoding:
        try:
            canonical_encoding(args.encoding)
        except ValueError as error:
            print(f"bantin: error: --from: {error}", file=sys.stderr)
            return 2
    output_dir = Path(args.output_dir)
    jobs, errors = plan(args.inputs, output_dir)
    inputs = {job.source.resolve() for job in jobs}
    written: dict[Path, Path] = {}
    for job in jobs:
        target = job.target.resolve()
        if target in inputs:
            errors.append(f"{job.source}: refusing to overwrite an input ({job.target}); choose another -o DIR")
            continue
        if target in written:
            errors.append(f"{job.source}: output {job.target} already written from {written[target]}; "
                          "convert these inputs into separate directories")
            continue
        try:
            data = job.source.read_bytes()
        except OSError as error:
            errors.append(f"{job.source}: cannot read: {error.strerror or error}")
            continue
        decoded = decode_bytes(data, str(job.source), encoding=args.encoding)
        status = f"{decoded.encoding} (confidence {decoded.confidence:.2f})" + (", lossy" if decoded.lossy else "")
        if args.explain and not args.encoding:
            scores = ", ".join(f"{name} {net:+d} ({valid} valid, {invalid} invalid)"
                               for name, net, valid, invalid in candidate_scores(data))
            print(f"{job.source}: scores: {scores}", file=sys.stderr)
        if decoded.encoding == "binary" or decoded.confidence < MIN_CONFIDENCE:
            reason = "; ".join(decoded.notes) or "encoding not recognised"
            errors.append(f"{job.source}: not converted: {status}: {reason}; if it is text, give --from ENCODING")
            continue
        try:
            job.target.parent.mkdir(parents=True, exist_ok=True)
            with open(job.target, "w", encoding="utf-8", newline="") as handle:
                handle.write(decoded.text)
        except OSError as error:
            errors.append(f"{job.source}: cannot write {job.target}: {error.strerror or error}")
            continue
        written[target] = job.source
        notes = decoded.notes if args.explain else tuple(n for n in decoded.notes if decoded.lossy)
        print(f"{job.source} -> {job.target}: {status}" + "".join(f"; {n}" for n in notes), file=sys.stderr)
    for message in errors:
        print(f"bantin: error: {message}", file=sys.stderr)
    print(f"bantin convert: {len(written)} converted, {len(errors)} failed", file=sys.stderr)
    return 1 if errors else 0
