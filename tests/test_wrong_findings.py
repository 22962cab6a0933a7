"""Classes of wrong findings seen on public docs (issue 10), each as a minimal reproduction that
must stay quiet, next to the true problem the same rule must still find."""

from spec import assert_catches, assert_clean, fired

# --- shell redirection produces the file a later COPY --from takes ---------------------------

def test_a_file_written_by_redirection_is_produced():
    assert_clean("DG302", """
        FROM alpine:3.20 AS logs
        RUN echo hello > /log && date >>/var/stamp && printf x 1>/out/x
        FROM alpine:3.20
        COPY --from=logs /log /log
        COPY --from=logs /var/stamp /stamp
        COPY --from=logs /out/x /x
        USER 65534:65534
    """)


def test_a_file_nothing_writes_is_still_missing():
    assert_catches("DG302", """
        FROM golang:1.27 AS build
        WORKDIR /src
        RUN go build -o /out/app . > /build.log
        FROM scratch
        COPY --from=build /out/server /server
        USER 65534:65534
    """)


def test_an_input_redirection_writes_nothing():
    assert_catches("DG302", """
        FROM alpine:3.20 AS data
        RUN grep root < /etc/passwd
        FROM alpine:3.20
        COPY --from=data /out/sorted /sorted
        USER 65534:65534
    """)


# --- a secret mounted as an environment variable is defined in its RUN -----------------------

def test_a_secret_mount_env_defines_the_variable():
    assert_clean("DG305", """
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        RUN --mount=type=secret,id=API_KEY,env=API_KEY wget --header "Authorization: $API_KEY" https://example.com/
        USER 65534:65534
    """)


def test_the_secret_variable_is_not_defined_in_the_next_run():
    assert_catches("DG305", """
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        RUN --mount=type=secret,id=tok,env=TOKEN wget --header "Authorization: $TOKEN" https://example.com/
        RUN echo "$TOKEN"
        USER 65534:65534
    """, line=4)


# --- exec-form suggestions never change the meaning ------------------------------------------

def messages(rule, text):
    return [f.message for f in fired(rule, text)]


def test_exec_inside_the_shell_already_passes_signals():
    assert_clean("DG107", "FROM python:3.12-slim\nCMD exec gunicorn --bind :$PORT --workers 1 app:app\n")


def test_a_variable_needs_the_shell_so_no_json_array_is_suggested():
    [message] = messages("DG107", "FROM python:3.12-slim\nCMD gunicorn --bind :$PORT app:app\n")
    assert "[" not in message and "exec" in message and "expands a variable" in message


def test_chained_commands_need_the_shell():
    [message] = messages("DG107", "FROM alpine:3.20\nCMD ./migrate && ./serve\n")
    assert "[" not in message and "chains commands" in message


def test_a_plain_command_gets_the_whole_json_array_with_its_quoting():
    [message] = messages("DG107", 'FROM node:22-slim\nCMD node server.js --name "my app" --port 8080\n')
    assert message.endswith('CMD ["node", "server.js", "--name", "my app", "--port", "8080"]')


# --- a `# comment` after COPY is one mistake, reported once (DG906), not again as paths ------------

COMMENTED_COPIES = """
    FROM golang:1.27 AS build
    WORKDIR /src
    COPY go.mod go.sum ./ # dependencies first
    RUN go mod download
    COPY *.go ./
    RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /app .
    FROM scratch
    COPY --from=build /app /app # the binary
    USER 65534:65534
    ENTRYPOINT ["/app"]
"""


def test_a_trailing_comment_on_copy_is_reported_once_and_its_words_are_not_read_as_paths():
    assert_catches("DG906", COMMENTED_COPIES, count=2)
    for rule in ("DG405", "DG904", "DG302"):  # its words as sources: the whole context, missing files
        assert_clean(rule, COMMENTED_COPIES, no_tls=True)


def test_the_paths_before_the_comment_are_still_judged():
    assert_catches("DG405", """
        FROM golang:1.27 AS build
        WORKDIR /src
        COPY . . # everything
        RUN go mod download
        RUN CGO_ENABLED=0 go build -o /app .
        FROM scratch
        COPY --from=build /app /app
        USER 65534:65534
    """, line=3)
    assert_catches("DG302", """
        FROM golang:1.27 AS build
        RUN CGO_ENABLED=0 go build -o /app .
        FROM scratch
        COPY --from=build /server /server # the binary
        USER 65534:65534
    """, line=4)
