# Global ARGs: usable in FROM lines, and as defaults for stages that re-declare them.
ARG GO_VERSION=1.27
ARG VERSION=dev

FROM golang:${GO_VERSION}-trixie AS build
# Re-declared without a value: takes the global default, or --build-arg VERSION=...
ARG VERSION
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
