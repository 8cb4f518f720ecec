"""The GitHub side of the contributor workflow, checked offline.

- The workflows in .github/workflows/ pass actionlint and GitHub's workflow
  schema, pin every action by commit SHA with its version in a comment, and
  grant write permissions only to the Pages deployment.
- CI runs every check the Makefile's `test` target runs, builds the site
  strictly, checks its links and uploads it for preview; each check runs even
  when an earlier one failed. The Pages workflow takes the site's address from
  configure-pages.
- The pull-request templates are checklists that name the real commands; the
  default template names each of the others.
- The issue forms pass GitHub's issue-form schemas, with unique field ids and
  the fields an editor needs marked required.
- Every CODEOWNERS pattern still matches a file (a renamed folder cannot
  silently lose its reviewers) and the main folders reach their team.

Each check's parsing helper has negative cases here too, so that a check
which could never fail would show.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
CI_WORKFLOW = WORKFLOWS / "ci.yml"
PAGES_WORKFLOW = WORKFLOWS / "pages.yml"
PR_TEMPLATES = GITHUB / "PULL_REQUEST_TEMPLATE"
ISSUE_TEMPLATES = GITHUB / "ISSUE_TEMPLATE"
CODEOWNERS = GITHUB / "CODEOWNERS"
# Tools installed with the test dependencies, in the same environment as pytest.
VENV_BIN = Path(sys.executable).parent
ACTIONLINT = VENV_BIN / "actionlint"
CHECK_JSONSCHEMA = VENV_BIN / "check-jsonschema"

PR_TEMPLATE_NAMES = ("annotation.md", "glossary-or-timeline.md", "source-text.md", "code.md")
ISSUE_FORM_NAMES = ("translation-problem.yml", "suggest-term.yml")
# The fields an editor cannot act without, per issue form.
REQUIRED_FIELDS = {
    "translation-problem.yml": {"document", "passage", "witness", "quote", "problem", "source"},
    "suggest-term.yml": {"chinese", "renderings", "occurrences", "definition"},
}
# The only write permissions any workflow may grant: (workflow, job) -> scopes.
ALLOWED_WRITES = {("pages.yml", "deploy"): {"pages", "id-token"}}

MAINTAINERS = "@social-credit-reader/maintainers"
EDITORS = "@social-credit-reader/editors"
SOURCE_REVIEWERS = "@social-credit-reader/source-reviewers"
# Sample paths, existing or not, and the team that must own each.
INTENDED_OWNERS = {
    "annotations/2014-planning-outline/blacklists.yaml": EDITORS,
    "annotations/new-document/notes.yaml": EDITORS,
    "annotations/glossary/new-term.yaml": EDITORS,
    "annotations/timeline/new-event.yaml": EDITORS,
    "sources/2014-planning-outline/en.txt": SOURCE_REVIEWERS,
    "sources/new-document/document.yaml": SOURCE_REVIEWERS,
    "sources/seeds/005_0123456789abcdef.txt": SOURCE_REVIEWERS,
    "sources/seeds/005_0123456789abcdef.removed.yaml": SOURCE_REVIEWERS,
    "scripts/annotated_reader/pipeline.py": MAINTAINERS,
    "scripts/annotated_reader/messages.yaml": MAINTAINERS,
    "tests/test_github.py": MAINTAINERS,
    "tests/fixtures/small/sources/README.md": MAINTAINERS,
    ".github/workflows/ci.yml": MAINTAINERS,
    ".ci/run": MAINTAINERS,
    "Makefile": MAINTAINERS,
    "pyproject.toml": MAINTAINERS,
    "requirements.lock": MAINTAINERS,
    "mkdocs.yml": MAINTAINERS,
    "mkdocs.zh.yml": MAINTAINERS,
    "docs/contributing.md": EDITORS,
}
# Folders that hold no repository content, skipped when listing its files.
NOT_CONTENT = {".git", ".venv", "site", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", "build", "dist"}


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_tool(tool: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not tool.exists():
        pytest.fail(f"{tool.name} is not installed next to {sys.executable}: install the test dependencies")
    return subprocess.run([str(tool), *args], capture_output=True, text=True, check=False, cwd=ROOT)


# --- actions pinned by commit ---------------------------------------------------------------------------------------

USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED_ACTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(?:/[^@\s]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+(?:\.\d+)*\S*\s*$")
PINNED_IMAGE = re.compile(r"^docker://[^@\s]+@sha256:[0-9a-f]{64}$")


def uses_lines(text: str) -> list[tuple[int, str, str]]:
    """Every `uses:` line of a workflow as (line number, reference, rest of the line)."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES_LINE.match(line)
        if match:
            found.append((number, match["ref"].strip("'\""), match["rest"]))
    return found


def pin_problem(ref: str, rest: str) -> str | None:
    """Why a `uses:` reference is not pinned to a commit with its version named, or None if it is."""
    if ref.startswith("./"):
        return None  # a local action is versioned with the repository itself
    if ref.startswith("docker://"):
        return None if PINNED_IMAGE.match(ref) else f"{ref}: a docker image must be pinned by @sha256:<digest>"
    if not PINNED_ACTION.match(ref):
        return f"{ref}: pin the action by its full 40-character commit SHA (owner/repo@<sha>)"
    if not VERSION_COMMENT.match(rest):
        return f"{ref}: name the pinned version in a trailing comment (# v1.2.3)"
    return None


def parsed_uses(workflow: dict) -> list[str]:
    """Every `uses:` value the workflow's YAML holds: steps' actions and called workflows."""
    found = []
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:
            found.append(job["uses"])
        found.extend(step["uses"] for step in job.get("steps") or [] if "uses" in step)
    return found


@pytest.mark.parametrize(
    ("ref", "rest"),
    [
        ("actions/checkout@v4", ""),
        ("actions/checkout@v4", "  # v4"),
        ("actions/checkout@main", "  # v4.2.2"),
        ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af68", "  # v4.2.2"),  # 39 hex digits
        ("actions/checkout@11BD71901BBE5B1630CEEA73D27597364C9AF683", "  # v4.2.2"),  # not as GitHub writes SHAs
        ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", ""),
        ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "  # latest"),
        ("checkout@11bd71901bbe5b1630ceea73d27597364c9af683", "  # v4.2.2"),
        ("docker://python:3.11-bookworm", ""),
        ("docker://alpine@sha256:1234", ""),
    ],
)
def test_pin_problem_rejects_unpinned_references(ref: str, rest: str) -> None:
    assert pin_problem(ref, rest)


@pytest.mark.parametrize(
    ("ref", "rest"),
    [
        ("actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683", " # v4.2.2"),
        ("github/codeql-action/init@11bd71901bbe5b1630ceea73d27597364c9af683", " # v3.28.0"),
        ("docker://alpine@sha256:" + "a" * 64, ""),
        ("./.github/actions/setup", ""),
    ],
)
def test_pin_problem_accepts_pinned_references(ref: str, rest: str) -> None:
    assert pin_problem(ref, rest) is None


def test_uses_lines_reads_steps_and_quoted_references() -> None:
    text = "steps:\n  - uses: 'actions/checkout@v4' # v4\n  - name: x\n    uses: a/b@c\n  - run: echo uses: no\n"
    assert uses_lines(text) == [(2, "actions/checkout@v4", " # v4"), (4, "a/b@c", "")]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_by_commit_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = uses_lines(text)
    problems = [
        f"{path.name}:{number}: {problem}" for number, ref, rest in lines if (problem := pin_problem(ref, rest))
    ]
    assert not problems, "\n".join(problems)
    # A `uses:` the line scan missed (flow style, say) would escape the check.
    assert sorted(ref for _, ref, _ in lines) == sorted(parsed_uses(load_yaml(path)))


# --- permissions ----------------------------------------------------------------------------------------------------


def write_permissions(workflow: dict) -> set[tuple[str | None, str]]:
    """(job, scope) for every scope a workflow grants write to; job None is the top level.

    `write-all` counts as writing everything ("*"); `read-all` is reported by
    `blanket_permissions`.
    """
    granted = []
    levels = [(None, workflow.get("permissions"))]
    levels += [(name, job.get("permissions")) for name, job in (workflow.get("jobs") or {}).items()]
    for job, permissions in levels:
        if permissions == "write-all":
            granted.append((job, "*"))
        elif isinstance(permissions, dict):
            granted.extend((job, scope) for scope, access in permissions.items() if access == "write")
    return set(granted)


def blanket_permissions(workflow: dict) -> list[str | None]:
    """The levels (None for the top level, else the job) that grant read-all or write-all."""
    levels = [(None, workflow.get("permissions"))]
    levels += [(name, job.get("permissions")) for name, job in (workflow.get("jobs") or {}).items()]
    return [job for job, permissions in levels if permissions in ("read-all", "write-all")]


def test_write_permissions_finds_top_level_job_and_blanket_grants() -> None:
    workflow = {
        "permissions": {"contents": "write", "pages": "read"},
        "jobs": {"a": {"permissions": "write-all"}, "b": {"permissions": {"id-token": "write"}}, "c": {}},
    }
    assert write_permissions(workflow) == {(None, "contents"), ("a", "*"), ("b", "id-token")}
    assert blanket_permissions(workflow) == ["a"]
    assert blanket_permissions({"permissions": "read-all", "jobs": {}}) == [None]
    assert write_permissions({"permissions": {}, "jobs": {"a": {"permissions": {"contents": "read"}}}}) == set()


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_workflow_declares_least_privilege_permissions(path: Path) -> None:
    workflow = load_yaml(path)
    assert "permissions" in workflow, f"{path.name}: declare top-level permissions (e.g. contents: read)"
    assert not blanket_permissions(workflow), f"{path.name}: no read-all or write-all"
    for job, scope in sorted(write_permissions(workflow), key=str):
        allowed = ALLOWED_WRITES.get((path.name, job), set())
        assert scope in allowed, f"{path.name}: job {job or '(top level)'} must not write {scope}"


def test_only_the_pages_deployment_writes() -> None:
    assert write_permissions(load_yaml(PAGES_WORKFLOW)) == {("deploy", "pages"), ("deploy", "id-token")}
    assert write_permissions(load_yaml(CI_WORKFLOW)) == set()


# --- linters and GitHub's schemas -----------------------------------------------------------------------------------


def test_actionlint_reports_nothing() -> None:
    result = run_tool(ACTIONLINT, "-no-color", *(str(path) for path in workflow_files()))
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ steps.nope.outputz }}\n"
    )
    result = run_tool(ACTIONLINT, "-no-color", str(broken))
    assert result.returncode != 0 and "broken.yml" in result.stdout


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    return run_tool(CHECK_JSONSCHEMA, "--builtin-schema", schema, *(str(path) for path in paths))


def test_workflows_match_githubs_schema() -> None:
    result = check_jsonschema("vendor.github-workflows", *workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_githubs_schema() -> None:
    forms = [ISSUE_TEMPLATES / name for name in ISSUE_FORM_NAMES]
    result = check_jsonschema("vendor.github-issue-forms", *forms)
    assert result.returncode == 0, result.stdout + result.stderr
    result = check_jsonschema("vendor.github-issue-config", ISSUE_TEMPLATES / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_schema_rejects_a_broken_form(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: Broken\ndescription: no body\nbody:\n  - type: checkbox\n    id: x\n")
    assert check_jsonschema("vendor.github-issue-forms", broken).returncode != 0


# --- what the workflows run -----------------------------------------------------------------------------------------


def job_steps(path: Path, job: str) -> list[dict]:
    return load_yaml(path)["jobs"][job]["steps"]


def step_running(steps: list[dict], command: str) -> dict | None:
    """The first step whose `run:` contains `command`, or None."""
    return next((step for step in steps if command in step.get("run", "")), None)


def step_using(steps: list[dict], action: str) -> dict | None:
    """The first step that uses `action` (owner/repo), whatever it is pinned to, or None."""
    return next((step for step in steps if step.get("uses", "").split("@")[0] == action), None)


def test_step_helpers_find_only_what_is_there() -> None:
    steps = [{"run": "make lint"}, {"uses": "actions/upload-artifact@abc", "with": {"path": "site"}}]
    assert step_running(steps, "make lint") is steps[0]
    assert step_running(steps, "pytest") is None
    assert step_using(steps, "actions/upload-artifact") is steps[1]
    assert step_using(steps, "actions/upload") is None


CI_CHECKS = (
    "make lint",
    "annotated_reader check",
    "pytest",
    "mkdocs build --strict",
    "annotated_reader linkcheck",
)


@pytest.mark.parametrize("command", CI_CHECKS)
def test_ci_runs_each_check_even_after_an_earlier_failure(command: str) -> None:
    step = step_running(job_steps(CI_WORKFLOW, "test"), command)
    assert step is not None, f"ci.yml runs no `{command}`"
    assert "name" in step
    # Without `!cancelled()` (or `always()`) a step is skipped once any earlier step failed.
    condition = str(step.get("if", ""))
    assert "!cancelled()" in condition or "always()" in condition, f"`{command}` stops at the first failure"


def test_ci_compares_a_push_to_main_with_main_before_it() -> None:
    step = step_running(job_steps(CI_WORKFLOW, "test"), "annotated_reader check")
    published = step["env"]["PUBLISHED"]
    assert "github.event.before" in published and "refs/heads/main" in published
    # Given only when set: otherwise the check compares with where the branch left main.
    for value, argument in (("", []), ("0123abc", ["--published", "0123abc"])):
        shell = f"set -- {step['run'].split(' check ', 1)[1]}; printf '%s\\n' \"$@\""
        given = subprocess.run(["sh", "-c", shell], env={"PUBLISHED": value}, capture_output=True, text=True)
        assert given.stdout.split() == argument


def test_ci_runs_the_browser_tests_on_debian_chromium() -> None:
    ci = load_yaml(CI_WORKFLOW)
    job = ci["jobs"]["test"]
    image = job["container"]["image"] if isinstance(job["container"], dict) else job["container"]
    assert image.startswith("python:3.11-bookworm")
    install = step_running(job["steps"], "apt-get install")
    assert install is not None and all(package in install["run"] for package in ("chromium", "fonts-wqy-microhei"))
    assert str(step_running(job["steps"], "pytest").get("env", {}).get("CI")) == "true"


def test_ci_checks_out_every_tag_for_the_site_version() -> None:
    steps = job_steps(CI_WORKFLOW, "test")
    assert step_using(steps, "actions/checkout")["with"]["fetch-depth"] == 0
    assert step_running(steps, "safe.directory") is not None


def test_ci_uploads_the_built_site_for_preview() -> None:
    steps = job_steps(CI_WORKFLOW, "test")
    build = step_running(steps, "mkdocs build --strict")
    site_dir = re.search(r"--site-dir\s+(\S+)", build["run"])
    assert site_dir and build.get("env", {}).get("SITE_URL")
    upload = step_using(steps, "actions/upload-artifact")
    assert upload is not None, "ci.yml uploads no artifact"
    assert upload["with"]["path"] == site_dir[1]
    assert upload["with"].get("name") and upload["with"].get("retention-days")


def test_pages_builds_with_the_address_from_configure_pages() -> None:
    steps = job_steps(PAGES_WORKFLOW, "build")
    configure = step_using(steps, "actions/configure-pages")
    assert configure is not None and configure.get("id")
    build = step_running(steps, "make site")
    assert build is not None
    assert build["env"]["SITE_URL"] == "${{ steps." + configure["id"] + ".outputs.base_url }}/"
    assert step_using(steps, "actions/upload-pages-artifact")["with"]["path"] == "site"
    assert step_using(steps, "actions/checkout")["with"]["fetch-depth"] == 0


def test_pages_deploys_only_from_main_one_at_a_time() -> None:
    pages = load_yaml(PAGES_WORKFLOW)
    triggers = pages[True]  # PyYAML reads the key `on` as True
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert step_using(deploy["steps"], "actions/deploy-pages") is not None


# --- pull-request templates -----------------------------------------------------------------------------------------

CHECKLIST_ITEM = re.compile(r"^- \[ \] \S", re.MULTILINE)


def test_checklist_item_pattern() -> None:
    assert CHECKLIST_ITEM.search("intro\n- [ ] run the check\n")
    assert not CHECKLIST_ITEM.search("- [x] done\n-[ ] squashed\n* [ ] other bullet\n- [ ]\n")


@pytest.mark.parametrize("name", PR_TEMPLATE_NAMES)
def test_pull_request_template_is_a_checklist_naming_the_check(name: str) -> None:
    path = PR_TEMPLATES / name
    assert path.is_file(), f"missing {path.relative_to(ROOT)}"
    text = path.read_text(encoding="utf-8")
    assert CHECKLIST_ITEM.search(text), f"{name} has no `- [ ]` item"
    assert "python -m annotated_reader check" in text


def test_pull_request_template_folder_has_no_unlisted_template() -> None:
    assert sorted(path.name for path in PR_TEMPLATES.iterdir()) == sorted(PR_TEMPLATE_NAMES)


def test_default_pull_request_template_points_to_each_template() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for name in PR_TEMPLATE_NAMES:
        assert name in text, f"the default template does not mention {name}"
    assert "?template=" in text
    assert CHECKLIST_ITEM.search(text)


# --- issue forms ----------------------------------------------------------------------------------------------------


def duplicate_ids(form: dict) -> list[str]:
    """Field ids used more than once in an issue form (GitHub refuses such a form)."""
    ids = [item["id"] for item in form.get("body", []) if "id" in item]
    return sorted({field_id for field_id in ids if ids.count(field_id) > 1})


def required_ids(form: dict) -> set[str]:
    return {
        item["id"] for item in form.get("body", []) if (item.get("validations") or {}).get("required") and "id" in item
    }


def test_issue_form_helpers() -> None:
    form = {
        "body": [
            {"type": "markdown", "attributes": {"value": "hi"}},
            {"type": "input", "id": "a", "validations": {"required": True}},
            {"type": "input", "id": "b", "validations": {"required": False}},
            {"type": "textarea", "id": "a"},
        ]
    }
    assert duplicate_ids(form) == ["a"]
    assert required_ids(form) == {"a"}


@pytest.mark.parametrize("name", ISSUE_FORM_NAMES)
def test_issue_form_ids_are_unique_and_needed_fields_required(name: str) -> None:
    form = load_yaml(ISSUE_TEMPLATES / name)
    assert not duplicate_ids(form)
    assert required_ids(form) == REQUIRED_FIELDS[name]
    assert form.get("labels"), f"{name} gives its issues no label"


# --- CODEOWNERS -----------------------------------------------------------------------------------------------------


def codeowners_rules(text: str) -> list[tuple[str, list[str]]]:
    """(pattern, owners) for each rule, in file order; comments and blank lines dropped."""
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def codeowners_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-style CODEOWNERS pattern as a regex over repository-relative paths.

    A leading `/`, or a `/` inside the pattern, anchors it at the root; otherwise
    it matches at any depth. A trailing `/` matches everything under a folder,
    and a pattern naming a folder also matches everything under it. `*` and `?`
    stay within one path segment; `**` crosses segments.
    """
    anchored = pattern.startswith("/") or "/" in pattern.strip("/")
    body = pattern.strip("/")
    parts = []
    index = 0
    while index < len(body):
        if body.startswith("**", index):
            parts.append(".*")
            index += 2
        elif body[index] == "*":
            parts.append("[^/]*")
            index += 1
        elif body[index] == "?":
            parts.append("[^/]")
            index += 1
        else:
            parts.append(re.escape(body[index]))
            index += 1
    prefix = "" if anchored else "(?:.*/)?"
    suffix = "/.+" if pattern.endswith("/") else "(?:/.+)?"
    return re.compile(prefix + "".join(parts) + suffix + r"\Z")


def owners_of(rules: list[tuple[str, list[str]]], path: str) -> list[str]:
    """The owners of `path`: those of the last rule that matches it."""
    owners: list[str] = []
    for pattern, rule_owners in rules:
        if codeowners_regex(pattern).match(path):
            owners = rule_owners
    return owners


def repository_files() -> list[str]:
    """Every file of the repository, relative and with `/`, outside .git, .venv and build output."""
    files = []
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [name for name in subfolders if name not in NOT_CONTENT and not name.endswith(".egg-info")]
        relative = Path(folder).relative_to(ROOT)
        files.extend((relative / name).as_posix() for name in names)
    return files


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/sources/", "sources/a/en.txt", True),
        ("/sources/", "sources", False),
        ("/sources/", "tests/fixtures/small/sources/a/en.txt", False),
        ("sources/", "sources/a/en.txt", True),
        ("/Makefile", "Makefile", True),
        ("/Makefile", "docs/Makefile", False),
        ("/mkdocs*.yml", "mkdocs.zh.yml", True),
        ("/mkdocs*.yml", "docs/mkdocs.yml", False),
        ("/sources/*.schema.json", "sources/document.schema.json", True),
        ("/sources/*.schema.json", "sources/seeds/removed.schema.json", False),
        ("*.schema.json", "sources/seeds/removed.schema.json", True),
        ("/annotations/**/notes.yaml", "annotations/a/b/notes.yaml", True),
        ("*", "anything/at/all.txt", True),
        ("/docs/", "docs-old/index.md", False),
    ],
)
def test_codeowners_regex(pattern: str, path: str, matches: bool) -> None:
    assert bool(codeowners_regex(pattern).match(path)) is matches


def test_owners_of_takes_the_last_matching_rule() -> None:
    rules = codeowners_rules("* @all  # default\n/annotations/ @editors\n/annotations/x/ @x @y\n\n# /sources/ @no\n")
    assert rules == [("*", ["@all"]), ("/annotations/", ["@editors"]), ("/annotations/x/", ["@x", "@y"])]
    assert owners_of(rules, "annotations/x/a.yaml") == ["@x", "@y"]
    assert owners_of(rules, "annotations/y/a.yaml") == ["@editors"]
    assert owners_of(rules, "sources/a.txt") == ["@all"]
    assert owners_of(rules[1:], "sources/a.txt") == []


def test_every_codeowners_pattern_matches_a_file() -> None:
    files = repository_files()
    unmatched = [
        pattern
        for pattern, _ in codeowners_rules(CODEOWNERS.read_text(encoding="utf-8"))
        if not any(codeowners_regex(pattern).match(path) for path in files)
    ]
    assert not unmatched, f"CODEOWNERS patterns matching no file (renamed or removed?): {unmatched}"


def test_every_codeowners_rule_names_a_team() -> None:
    for pattern, owners in codeowners_rules(CODEOWNERS.read_text(encoding="utf-8")):
        assert owners and all(owner.startswith("@") for owner in owners), pattern


@pytest.mark.parametrize(("path", "team"), INTENDED_OWNERS.items())
def test_codeowners_routes_each_folder_to_its_team(path: str, team: str) -> None:
    rules = codeowners_rules(CODEOWNERS.read_text(encoding="utf-8"))
    assert team in owners_of(rules, path), f"{path} is owned by {owners_of(rules, path)}, not {team}"
