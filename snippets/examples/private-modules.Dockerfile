# syntax=docker/dockerfile:1
FROM golang:1.27-trixie AS build
WORKDIR /src
# Modules under git.example.com come straight from there, not through the public proxy.
ENV GOPRIVATE=git.example.com
COPY go.mod go.sum ./
# The token exists only during this RUN; no layer keeps it. For SSH instead:
#   RUN --mount=type=ssh git config --global url."git@git.example.com:".insteadOf "https://git.example.com/" && go mod download
RUN --mount=type=secret,id=netrc,target=/root/.netrc \
    --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
