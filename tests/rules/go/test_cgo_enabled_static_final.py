"""DG401 cgo-enabled-static-final."""

from snipcheck.model import Severity
from spec import assert_catches, assert_clean, fired, heredoc_go_build

R = "DG401"


def test_catches_debian_builder_into_scratch():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, count=1, line=2)


def test_catches_into_distroless_static_nonroot_by_index():
    assert_catches(R, """
        FROM golang:1.23
        RUN go build -o /out/app .
        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=0 /out/app /app
    """, line=2)


def test_catches_cgo_enabled_1_and_export_in_an_earlier_run():
    assert_catches(R, """
        FROM golang:1.23 AS build
        ENV CGO_ENABLED=1
        RUN export CGO_ENABLED=0
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, count=1, line=4)


def test_alpine_builder_is_info():
    text = """
        FROM golang:1.23-alpine AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert_catches(R, text, count=1, line=2)
    assert fired(R, text)[0].severity == Severity.INFO


def test_alpine_builder_with_gcc_is_error():
    text = """
        FROM golang:1.23-alpine AS build
        RUN apk add --no-cache gcc musl-dev
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert_catches(R, text, count=1, line=3)
    assert fired(R, text)[0].severity == Severity.ERROR


def test_catches_builder_chain_several_stages_deep():
    assert_catches(R, """
        ARG GO=golang:1.23
        FROM $GO AS base
        FROM base AS mid
        FROM mid AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """, line=5)


def test_catches_build_in_an_ancestor_of_the_copied_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM build AS pack
        RUN true
        FROM scratch
        COPY --from=build /out/app /app
        COPY --from=pack /out/app /app2
    """, count=1, line=2)


def test_catches_build_only_in_the_parent_of_the_copied_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM build AS pack
        FROM scratch
        COPY --from=pack /out/app /app
    """, line=2)


def test_catches_copy_in_an_ancestor_of_the_final_stage():
    assert_catches(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM scratch AS runtime
        COPY --from=build /out/app /app
        FROM runtime
    """, line=2)


def test_clean_cgo_disabled_on_the_command():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN CGO_ENABLED=0 go build -o /out/app . && env CGO_ENABLED=0 go build -o /out/b ./b
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_cgo_disabled_by_env_arg_or_export():
    assert_clean(R, """
        FROM golang:1.23 AS a
        ENV CGO_ENABLED=0
        RUN go build -o /out/a .
        FROM golang:1.23-alpine AS b
        ARG CGO_ENABLED=0
        RUN go build -o /out/b .
        FROM golang:1.23 AS c
        RUN export CGO_ENABLED=0 && go build -o /out/c .
        FROM scratch
        COPY --from=a /out/a /a
        COPY --from=b /out/b /b
        COPY --from=c /out/c /c
    """)


def test_clean_env_inherited_through_a_stage_chain():
    assert_clean(R, """
        FROM golang:1.23 AS base
        ENV CGO_ENABLED=0
        FROM base AS mid
        FROM mid AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_final_image_has_libc():
    assert_clean(R, """
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM gcr.io/distroless/base-debian12:nonroot
        COPY --from=build /out/app /app
        FROM debian:bookworm-slim
        COPY --from=build /out/app /app
    """)


def test_clean_builder_not_copied_into_the_final_stage():
    assert_clean(R, """
        FROM golang:1.23 AS test
        RUN go build ./...
        FROM golang:1.23 AS build
        RUN CGO_ENABLED=0 go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_clean_unknown_builder_and_fragment():
    assert_clean(R, """
        FROM registry.local/go:1 AS build
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)
    assert_clean(R, "RUN go build -o /out/app .")


# What the snippet shows decides how sure DG401 is (issue #10: a hello world with only `fmt`).

def test_clean_hello_world_that_imports_only_fmt_with_cgo_on_by_default_or_written_down():
    # Measured with Go 1.27.3: CGO_ENABLED=1 and only `fmt` gives a statically linked binary.
    assert_clean(R, heredoc_go_build('"fmt"'))
    assert_clean(R, heredoc_go_build('"fmt"', "CGO_ENABLED=1 go build -o /out/app ."))
    assert_clean(R, heredoc_go_build('"fmt"\n"crypto/sha256"\n"encoding/json"'))


def test_catches_shown_source_that_reaches_net_or_os_user_as_error():
    for imports in ('"fmt"\n"net/http"', '"fmt"\n"os/user"', '"fmt"\nhttp "net/http"', '"fmt"\n"log/syslog"'):
        text = heredoc_go_build(imports)
        assert_catches(R, text, count=1)
        hit = fired(R, text)[0]
        assert hit.severity == Severity.ERROR and "imports" in hit.message


def test_catches_import_c_even_with_netgo_osusergo():
    text = heredoc_go_build('"fmt"\n"C"', "go build -tags netgo,osusergo -o /out/app .")
    assert fired(R, text)[0].severity == Severity.ERROR


def test_clean_shown_net_http_with_netgo_osusergo_tags():
    assert_clean(R, heredoc_go_build('"fmt"\n"net/http"\n"os/user"', "go build -tags netgo,osusergo -o /out/app ."))


def test_catches_netgo_alone_when_os_user_is_imported():
    assert_catches(R, heredoc_go_build('"fmt"\n"net/http"\n"os/user"', "go build -tags netgo -o /out/app ."))


def test_source_written_by_run_heredoc_counts_too():
    assert_clean(R, """
        FROM golang:1.27-trixie AS build
        WORKDIR /src
        RUN cat > main.go <<'EOF'
        package main

        import "fmt"

        func main() { fmt.Println("hello") }
        EOF
        RUN go mod init example.com/hello && go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_source_not_shown_is_a_hedged_warning():
    text = """
        FROM golang:1.27-trixie AS build
        WORKDIR /src
        COPY . .
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    hit = fired(R, text)[0]
    assert hit.severity == Severity.WARNING and "if the program imports net" in hit.message


def test_fmt_heredoc_plus_context_copy_or_third_party_import_is_not_known():
    assert fired(R, heredoc_go_build('"fmt"', extra="COPY . .\n        "))[0].severity == Severity.WARNING
    assert fired(R, heredoc_go_build('"fmt"\n"github.com/mattn/go-sqlite3"'))[0].severity == Severity.WARNING
    bind = heredoc_go_build('"fmt"').replace("RUN go mod", "RUN --mount=type=bind,source=pkg,target=pkg go mod")
    assert fired(R, bind)[0].severity == Severity.WARNING


def test_cgo_enabled_1_with_source_not_shown_is_an_error():
    text = """
        FROM golang:1.27-trixie AS build
        COPY . .
        RUN CGO_ENABLED=1 go build -tags netgo,osusergo -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert fired(R, text)[0].severity == Severity.ERROR


# Static cgo (issue #9): linked with -extldflags -static, the binary needs no libc at run time.

def test_clean_static_cgo_glibc_into_scratch_and_distroless_static():
    for final in ("scratch", "gcr.io/distroless/static-debian13:nonroot"):
        assert_clean(R, f"""
            FROM golang:1.27-trixie AS build
            WORKDIR /src
            COPY . .
            RUN CGO_ENABLED=1 go build -tags netgo,osusergo \\
                  -ldflags='-s -w -linkmode external -extldflags "-static"' -o /out/app .
            FROM {final}
            COPY --from=build /out/app /app
        """)


def test_clean_static_cgo_on_alpine_with_extldflags_equals_form():
    assert_clean(R, """
        FROM golang:1.27-alpine3.24 AS build
        RUN apk add --no-cache gcc musl-dev sqlite-dev sqlite-static
        COPY . .
        RUN CGO_ENABLED=1 go build -ldflags "-extldflags=-static" -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)


def test_catches_linkmode_external_without_static():
    text = """
        FROM golang:1.27-trixie AS build
        COPY . .
        RUN CGO_ENABLED=1 go build -ldflags '-linkmode external' -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """
    assert fired(R, text)[0].severity == Severity.ERROR


def test_clean_cgo_from_a_build_argument_without_default():
    assert_clean(R, """
        FROM golang:1.27-trixie AS build
        ARG CGO_ENABLED
        COPY . .
        RUN go build -o /out/app .
        FROM scratch
        COPY --from=build /out/app /app
    """)
