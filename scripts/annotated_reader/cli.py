"""The command line: `python -m annotated_reader check | new | linkcheck`.

- `check` validates sources/ and annotations/ (anchoring every quote) and
  prints every problem as `path:line: message` on standard error, the same
  messages the site build gives; with file names, or `--changed`, only what
  those files touch is checked and reported. It also compares the ids of
  what it checks (passages, documents, terms, events) with main's
  (kept_addresses.py), which the build leaves to the check: a build must
  not depend on git history.
  Exit status 1 on any error.
- `new annotation | term | event` writes a valid skeleton to fill in.
- `linkcheck` checks the links and fragments of a built site and that it
  loads nothing from other hosts.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path

from .alignment import align_corpus, format_report
from .annotations import type_labels
from .check_scope import EVERYTHING_SCOPE, CheckScope, GitError, changed_files
from .kept_addresses import compare_with_main
from .pipeline import check_project
from .problems import project_path
from .scaffold import Scaffold, ScaffoldError, new_annotation, new_event, new_term
from .timeline import kind_labels


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(args.root, args.files, args.changed, quiet=args.quiet, published=args.published)
    if args.command == "new":
        return run_new(args)
    from .linkcheck import run_linkcheck

    return run_linkcheck(args.site, args.base_url)


def build_parser() -> argparse.ArgumentParser:
    """The command line's grammar (also used by the tests that keep the contributor guide's commands true)."""
    parser = argparse.ArgumentParser(
        prog="python -m annotated_reader", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate sources/ and annotations/ (all, named files, or changes)")
    check.add_argument("files", nargs="*", help="check only these files and what depends on them")
    check.add_argument(
        "--changed",
        nargs="?",
        const="",
        metavar="REF",
        help="check only files changed since the branch left REF (default origin/main, or main)",
    )
    check.add_argument(
        "--published",
        metavar="REF",
        help="compare ids with those where the branch left REF (default: --changed's REF, origin/main or main)",
    )
    check.add_argument("--quiet", action="store_true", help="print problems only, not the alignment report")
    check.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    new = commands.add_parser("new", help="write a skeleton: an annotation, a glossary term or a timeline event")
    kinds = new.add_subparsers(dest="kind", required=True)
    note = kinds.add_parser("annotation", help="a note on a passage: annotations/<doc>/<id>.yaml")
    note.add_argument("--doc", required=True, help="document id: its folder name in sources/ and annotations/")
    note.add_argument("--passage", required=True, help="passage ID as the page shows it, e.g. 3.9, or a range 3.9~3.11")
    note.add_argument("--witness", help="the text quoted from, e.g. en (found from --quote when one text has it)")
    note.add_argument("--quote", help="the words the note is about, copied from the passage")
    note.add_argument("--id", dest="note_id", help="the note's id (default: from the document and passage)")
    note.add_argument("--type", dest="note_type", default="note", choices=tuple(type_labels()))
    note.add_argument("--file", dest="file_name", help="file name in annotations/<doc>/ (default: <id>.yaml)")
    term = kinds.add_parser("term", help="a glossary term: annotations/glossary/<id>.yaml")
    term.add_argument("--zh", required=True, help="the Chinese term, e.g. 信用修复")
    term.add_argument("--en", required=True, help="its preferred English, e.g. credit restoration")
    term.add_argument("--id", dest="term_id", help="the term's id (default: from --en)")
    event = kinds.add_parser("event", help="a timeline event: annotations/timeline/<id>.yaml")
    event.add_argument("--date", required=True, help="YYYY, YYYY-MM or YYYY-MM-DD, only as precise as a source")
    event.add_argument("--en", required=True, dest="title_en", help="the event's name in English")
    event.add_argument("--zh", dest="title_zh", help="the event's name in Chinese")
    event.add_argument("--kind", dest="event_kind", default="other", choices=tuple(kind_labels()))
    event.add_argument("--doc", dest="document_id", help="the corpus document this event is the issue of")
    event.add_argument("--id", dest="event_id", help="the event's id (default: from --en)")
    for sub in (note, term, event):
        sub.add_argument("--author", help="who to credit (default: git config user.name)")
        sub.add_argument("--root", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    links = commands.add_parser("linkcheck", help="check a built site's links, fragments and outside requests")
    links.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    links.add_argument("--base-url", help="the address the site was built for (default: read from the site)")

    return parser


def _not_a_project(root: Path) -> bool:
    """True, after saying so, when `root` is not a project folder."""
    if (root / "sources").is_dir():
        return False
    print(f"{root}: no sources/ folder here; run from the project folder or pass --root", file=sys.stderr)
    return True


def run_check(
    root: Path,
    files: list[str] | None = None,
    changed: str | None = None,
    quiet: bool = False,
    published: str | None = None,
) -> int:
    if _not_a_project(root):
        return 2
    scope = EVERYTHING_SCOPE
    # A mistyped name would otherwise be "checked" and pass: nothing in the project depends on it.
    absent = [name for name in files or [] if not (root / project_path(root, name)).exists()]
    for name in absent:
        print(f"{name}: no such file; check the name (the `new` command printed the one it wrote)", file=sys.stderr)
    if absent:
        return 1
    if changed is not None or files:
        try:
            named = list(files or []) + (changed_files(root, changed or None) if changed is not None else [])
        except GitError as exc:
            print(f"check --changed: {exc}", file=sys.stderr)
            return 2
        scope = CheckScope.of_files(project_path(root, name) for name in named)
        if scope.empty:
            print("nothing to check: no file under sources/ or annotations/ among the changes")
            return 0
    checked = check_project(root, scope)
    problems = [p for p in checked.problems if scope.covers_problem(p)]
    compared = None
    if scope.needs_glossary or scope.needs_timeline:
        # Readers' links: every passage, document, term and event on main must still open.
        kept, compared = compare_with_main(root, checked, scope, published or changed or None)
        problems += [p for p in kept if scope.covers_problem(p)]
    if not quiet and scope.everything:
        print(format_report(align_corpus(checked.corpus)), flush=True)
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not scope.everything:
        if compared and not quiet:
            print(compared, flush=True)
        summary = f"checked {scope.describe()}: {errors} error(s), {warnings} warning(s)"
        print(summary, file=sys.stderr if errors else sys.stdout)
        return 1 if errors else 0
    if not quiet:
        print(checked.anchor_summary(), flush=True)
        print(
            f"{len(checked.terms)} glossary terms ({len(checked.occurrences)} occurrences), "
            f"{len(checked.events)} timeline events ({len(checked.mentions)} mentions)",
            flush=True,
        )
        print(compared, flush=True)
    documents, annotations = len(checked.corpus.documents), len(checked.annotations)
    summary = f"checked {documents} documents and {annotations} annotations: {errors} error(s), {warnings} warning(s)"
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


def run_new(args: argparse.Namespace) -> int:
    root: Path = args.root
    if _not_a_project(root):
        return 2
    checked = check_project(root)
    author = args.author or _git_user(root)
    today = datetime.date.today()
    try:
        if args.kind == "annotation":
            scaffold = new_annotation(
                root,
                checked,
                document_id=args.doc,
                passage=args.passage,
                today=today,
                author=author,
                witness_id=args.witness,
                quote=args.quote,
                note_id=args.note_id,
                note_type=args.note_type,
                file_name=args.file_name,
            )
        elif args.kind == "term":
            scaffold = new_term(root, checked, zh=args.zh, en=args.en, today=today, author=author, term_id=args.term_id)
        else:
            scaffold = new_event(
                root,
                checked,
                date=args.date,
                title_en=args.title_en,
                title_zh=args.title_zh,
                kind=args.event_kind,
                document_id=args.document_id,
                author=author,
                event_id=args.event_id,
            )
    except ScaffoldError as exc:
        for problem in exc.problems:
            print(f"new {args.kind}: {problem}", file=sys.stderr)
        return 1
    _write(scaffold, root)
    return 0


def _write(scaffold: Scaffold, root: Path) -> None:
    scaffold.path.parent.mkdir(parents=True, exist_ok=True)
    # "x": never overwrite a contributor's file, even one created a moment ago.
    with scaffold.path.open("x", encoding="utf-8") as handle:
        handle.write(scaffold.text)
    shown = project_path(root, str(scaffold.path))
    print(f"wrote {shown}")
    for notice in scaffold.notices:
        print(f"note: {notice}")
    # The interpreter as the contributor ran it (.venv/bin/python), not where its symlink leads.
    executable, project = Path(sys.executable), root.resolve()
    python = executable.relative_to(project).as_posix() if executable.is_relative_to(project) else "python"
    print(
        "next: replace each WRITE-ME in it, then check it and preview it:\n"
        f"  {python} -m annotated_reader check {shown}\n"
        f"  make serve, and open http://127.0.0.1:8000/{scaffold.preview}"
    )


def _git_user(root: Path) -> str | None:
    try:
        result = subprocess.run(["git", "config", "user.name"], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return None
    return result.stdout.strip() or None
