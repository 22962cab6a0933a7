"""Docs that nobody annotated for us: excerpts, placeholders, elisions and text that is not a
Dockerfile. Minimal reproductions of what a corpus of public docs showed (issue 10)."""

import textwrap
from pathlib import Path

import pytest

from snipcheck.checker import check_snippet
from snipcheck.config import Config
from snipcheck.excerpts import mask_elisions, placeholder_lines
from snipcheck.markdown import extract
from snipcheck.model import Severity
from snipcheck.registry import RuleSet

RULES = RuleSet()
WHOLE = """\
FROM python:3.14
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
CMD ["python", "app.py"]
"""


def page_findings(body: str, config: Config = Config()) -> list:
    snippets, problems = extract("page.md", textwrap.dedent(body), lambda name: None, RULES.ids)
    return [f for s in snippets for f in check_snippet(s, RuleSet(config), config).findings] + problems


def fence(text: str, info: str = "dockerfile") -> str:
    return f"```{info}\n{textwrap.dedent(text)}```\n"


def rules(body: str, config: Config = Config()) -> list[str]:
    return sorted(f.rule for f in page_findings(body, config))


# --- whole-image rules skip excerpts --------------------------------------------------------

def test_a_two_line_syntax_illustration_gets_no_whole_image_findings():
    assert rules(fence("FROM alpine\nEXPOSE 80/tcp\n")) == []


def test_the_same_findings_on_a_whole_dockerfile():
    found = rules(fence("FROM alpine\nWORKDIR /srv\nCOPY app /srv/app\nEXPOSE 80/tcp\nCMD [\"/srv/app\"]\n"))
    assert {"DG202", "DG701"} <= set(found)


def test_a_python_final_image_running_as_root_is_reported():
    found = page_findings(fence(WHOLE))
    assert [(f.rule, f.severity) for f in found if f.rule == "DG701"] == [("DG701", Severity.WARNING)]


def test_an_elided_snippet_is_an_excerpt_and_the_elision_is_no_parse_error():
    text = "FROM golang:1.27 AS build\n...\nFROM alpine:3.24\nCOPY --from=build /out/app /app\nCMD [\"/app\"]\n"
    assert rules(fence(text)) == []


def test_elision_lines_become_comments_with_their_line_numbers_kept():
    masked, lines = mask_elisions("FROM a\n...\n  …\n# ... more\nRUN x\n")
    assert lines == (2, 3, 4) and masked.split("\n")[1] == "# ..." and masked.count("\n") == 5


def test_hadolint_profile_judges_every_snippet_whole():
    assert "DG701" in rules(fence("FROM alpine:3.24\nEXPOSE 80\n"), Config(profile="hadolint"))


def test_whole_image_rules_on_excerpts_can_be_switched_on():
    assert "DG701" in rules(fence("FROM alpine:3.24\nEXPOSE 80\n"), Config(whole_image_rules_on_excerpts=True))


def test_a_plain_dockerfile_is_whole_however_short(tmp_path):
    from snipcheck.checker import check_text

    assert "DG701" in {f.rule for f in check_text("FROM alpine:3.24\nEXPOSE 80\n", RULES).findings}


# --- placeholders are not values -----------------------------------------------------------

def test_placeholders_are_recognised():
    text = ("FROM <base>\nFROM %%IMAGE%%\nFROM {{ .Image }}\nRUN apk add [ your packages here ]\n"
            "RUN --network=<TYPE> make\nRUN apt-get install -y curl ...\nRUN cat <<EOF > /x\nCMD [\"a\", \"b\"]\n")
    assert placeholder_lines(text) == frozenset({1, 2, 3, 4, 5, 6})


@pytest.mark.parametrize("line, found", [
    ("FROM <base>", True), ("<base>", True), ("RUN a<b>", False), ("RUN cat <<EOF", False), ("RUN x <<b>", False),
    ("RUN apt-get install curl ...", True), ("...", True), ("RUN x …", True), ("RUN x ....", False),
    ("RUN ls a...", False), ("RUN ls /...", False), ("RUN ls .../x", False), ("RUN ls ...,", True),
])
def test_placeholder_lines_leave_heredocs_paths_and_words_alone(line, found):
    assert placeholder_lines(line) == (frozenset({1}) if found else frozenset())


def test_a_text_without_dots_has_no_elisions():
    assert mask_elisions("FROM a\nRUN b\n") == ("FROM a\nRUN b\n", ())
    assert mask_elisions("FROM a\n...\nRUN b") == ("FROM a\n# ...\nRUN b", (2,))


def test_placeholder_images_are_not_untagged_images():
    for image in ("<base>", "%%IMAGE%%", "{{ .Image }}", "<your-image>"):
        text = f"FROM {image}\nWORKDIR /app\nCOPY . .\nRUN make\nCMD [\"/app/run\"]\n"
        assert not {"DG001", "DG202", "DG201"} & set(rules(fence(text))), image


def test_placeholder_packages_are_not_unpinned_packages():
    text = "FROM node:22-alpine\nRUN npm install [ your npm dependencies here ]\n"
    assert not {"DG215", "DG001"} & set(rules(fence(text)))


def test_a_syntax_synopsis_is_not_parsed_as_values():
    assert "DG001" not in rules(fence("FROM alpine:3.24\nRUN --network=<TYPE> <command>\n"))


def test_a_real_finding_on_a_placeholder_line_is_kept():
    # The missing -y is real whatever the packages are.
    assert "DG214" in rules(fence("FROM debian:bookworm\nRUN apt-get update && apt-get install <packages>\n"))


# --- text that is not a Dockerfile ----------------------------------------------------------

EARTHFILE = """\
VERSION 0.8
FROM golang:1.15-alpine3.13
WORKDIR /go-workdir

deps:
    COPY go.mod go.sum ./
    RUN go mod download
    SAVE ARTIFACT go.mod AS LOCAL go.mod

build:
    FROM +deps
    COPY main.go .
    RUN go build -o output/example main.go
    SAVE ARTIFACT output/example AS LOCAL local-output/go-example
"""


def test_an_earthfile_gives_one_clear_finding():
    found = page_findings(fence(EARTHFILE))
    assert [(f.rule, f.severity) for f in found] == [("DG015", Severity.INFO)]
    assert "Earthfile" in found[0].message


def test_earthfile_targets_alone_are_recognised():
    assert rules(fence("build:\n    COPY +deps/app ./\n    RUN make\n")) == ["DG015"]


def test_a_shell_session_gives_one_clear_finding():
    found = page_findings(fence("$ docker build -t app .\n$ docker run --rm app\n"))
    assert [f.rule for f in found] == ["DG015"] and "shell session" in found[0].message


def test_a_shell_session_that_writes_dockerfiles_gives_one_clear_finding():
    # buildah's tutorial: `$ cat << EOF > Dockerfile` and the file after it, twice, in one fence
    session = ("$ cat << EOF > Dockerfile\nFROM registry.fedoraproject.org/fedora:latest\nRUN touch /foo\n"
               "ONBUILD RUN touch /bar\nEOF\n\n$ cat << EOF > Dockerfile-2\nFROM onbuild-image\nRUN touch /baz\nEOF\n")
    found = page_findings(fence(session))
    assert [f.rule for f in found] == ["DG015"] and "shell session" in found[0].message


def test_command_output_gives_one_clear_finding():
    text = "PING host (10.0.0.1) 56 data bytes\n64 bytes from host: icmp_seq=1 ttl=62 time=24.4 ms\n"
    assert rules(fence(text)) == ["DG015"]


def test_a_dockerfile_with_one_typo_is_still_a_dockerfile():
    found = rules(fence("FROM alpine:3.24\nRUNN apk add --no-cache curl\nCMD [\"curl\"]\n"))
    assert "DG001" in found and "DG015" not in found


def test_a_yaml_heredoc_is_not_an_earthfile_target():
    text = "FROM alpine:3.24\nRUN <<EOF\ncat > /etc/app.yml <<YML\nservices:\n  web: {}\nYML\nEOF\n"
    assert "DG015" not in rules(fence(text))


def test_a_fence_that_includes_a_whole_file_is_judged_whole():
    page = '```dockerfile\n--8<-- "live.Dockerfile"\n```\n'
    read = {"live.Dockerfile": ("snippets/live.Dockerfile", "FROM alpine:3.24\nUSER root\n")}.get
    snippets, _ = extract("page.md", page, read, RULES.ids)
    assert snippets[0].is_whole_file
    assert "DG702" in {f.rule for f in check_snippet(snippets[0], RULES).findings}


def test_material_code_annotations_after_an_instruction_are_not_arguments():
    # Material (content.code.annotate) shows `# (1)!` as a marker and the reader copies the line without it
    annotated = ("FROM golang:1.27 AS build # (1)!\nWORKDIR /src\nCOPY go.mod go.sum ./ # (2)\nRUN go mod download\n"
                 "COPY . .\nRUN CGO_ENABLED=0 go build -o /app .\n# (3)!\nFROM scratch\n")
    assert "DG906" not in rules(fence(annotated))
    assert "DG906" in rules(fence("FROM golang:1.27 AS build # the builder\n"))  # a real trailing comment


def test_a_plain_dockerfile_keeps_what_looks_like_an_annotation(tmp_path):
    from snipcheck.checker import check_text
    from snipcheck.registry import RuleSet

    found = check_text("FROM alpine:3.24 # (1)!\n", RuleSet())  # no theme reads a Dockerfile: `#` is an argument
    assert "DG906" in {f.rule for f in found.findings}


def test_the_real_build_builds_the_block_as_the_reader_copies_it():
    from snipcheck.builder.plan import plan_jobs
    from snipcheck.markdown import extract

    page = ("# P\n\n```dockerfile\nFROM golang:1.27 AS build # (1)!\nWORKDIR /src\nCOPY . .\n"
            "RUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n```\n")
    snippets, _ = extract("docs/p.md", page, None)
    [(_, job)] = plan_jobs(snippets, [], context=Path("app"))
    assert job.dockerfile.startswith("FROM golang:1.27 AS build\n") and "(1)" not in job.dockerfile
