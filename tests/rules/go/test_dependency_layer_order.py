from spec import assert_catches, assert_clean

R = "DG405"


def test_catches_sources_before_go_mod_download():
    assert_catches(R, "WORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n", count=1, line=2)


def test_catches_no_separate_download_step():
    assert_catches(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        COPY . .
        RUN go build -o /app .
    """, line=4)


def test_catches_npm_and_pip():
    assert_catches(R, "COPY . /app\nRUN npm ci\n")
    assert_catches(R, "COPY src/ requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\n")
    assert_catches(R, "COPY . .\nRUN python -m pip install -r requirements.txt\n")


def test_catches_sources_copied_in_a_parent_stage():
    assert_catches(R, """
        FROM golang:1.23 AS src
        WORKDIR /src
        COPY . .
        FROM src AS build
        RUN go mod download
    """, count=1)


def test_clean_with_manifests_first():
    assert_clean(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        COPY . .
        RUN go build -o /app .
    """)
    assert_clean(R, "COPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n")
    assert_clean(R, "COPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n")


def test_clean_with_bind_and_cache_mounts():
    assert_clean(R, """
        FROM golang:1.23 AS build
        WORKDIR /src
        RUN --mount=type=bind,source=go.mod,target=go.mod --mount=type=bind,source=go.sum,target=go.sum \\
            --mount=type=cache,target=/go/pkg/mod go mod download
        COPY . .
        RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .
    """)


def test_clean_with_vendor_and_installing_named_packages():
    assert_clean(R, "COPY . .\nRUN go build -mod=vendor -o /app .\nRUN npm install -g pnpm && pip install black\n")


def test_clean_for_copies_from_stages_and_heredocs():
    assert_clean(R, """
        FROM golang:1.23 AS build
        COPY --from=tools /bin/tool /bin/tool
        COPY <<EOF /etc/motd
        hi
        EOF
        RUN go mod download
    """)


def test_clean_for_go_install_of_a_pinned_tool():
    assert_clean(R, "COPY . .\nRUN go install golang.org/x/tools/cmd/stringer@v0.24.0\n")


def test_clean_for_offline_installs_from_a_store_filled_first():
    # pnpm fetch fills the store from the lockfile alone; the install after the sources fetches nothing
    assert_clean(R, """
        FROM node:22-slim
        WORKDIR /app
        COPY pnpm-lock.yaml pnpm-workspace.yaml ./
        COPY patches patches
        RUN pnpm fetch --prod
        COPY . ./
        RUN pnpm install -r --offline --prod
    """)
    assert_clean(R, "COPY . .\nRUN npm ci --offline\n")
    assert_clean(R, "COPY --from=wheels /wheels /wheels\nCOPY . .\n"
                    "RUN pip install --no-index --find-links=/wheels -r requirements.txt\n")
    assert_clean(R, "FROM golang:1.23\nENV GOPROXY=off\nCOPY . .\nRUN go build -o /app .\n")


def test_clean_when_the_module_cache_comes_from_another_stage():
    assert_clean(R, """
        FROM golang:1.23 AS deps
        WORKDIR /src
        COPY go.mod go.sum ./
        RUN go mod download
        FROM golang:1.23 AS build
        COPY --from=deps /go/pkg/mod /go/pkg/mod
        WORKDIR /src
        COPY . .
        RUN go build -o /app .
    """)


def test_catches_a_fetch_or_online_install_after_the_sources():
    assert_catches(R, "COPY . .\nRUN pnpm fetch --prod\nRUN pnpm install --offline\n", count=1, line=1)
    assert_catches(R, "COPY . .\nRUN npm ci --prefer-offline\n")
    assert_catches(R, "COPY . .\nRUN pip install --find-links=/wheels -r requirements.txt\n")
    assert_catches(R, "COPY . .\nRUN --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n")
    # a cache mount stays on one builder: a fresh CI builder downloads everything again
    assert_catches(R, "COPY . .\nRUN --mount=type=cache,target=/root/.npm npm ci\n")
    assert_catches(R, "COPY . .\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n")


def test_clean_when_only_a_download_is_added_before_the_manifests():
    # ADD of a URL (tini, from nodebestpractices) is not the build context: a source change does not touch it
    assert_clean(R, "FROM node:22-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n"
                    "WORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n"
                    "CMD [\"node\", \"server.js\"]\n")
    assert_catches(R, "FROM node:22-slim\nADD https://example.com/tool.tgz /tool.tgz\nWORKDIR /app\nCOPY . .\n"
                      "RUN npm ci\nCMD [\"node\", \"server.js\"]\n", line=4)
