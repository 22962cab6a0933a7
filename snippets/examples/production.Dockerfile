# syntax=docker/dockerfile:1

FROM --platform=$BUILDPLATFORM golang:1.27-trixie AS build
WORKDIR /src

COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download

COPY . .
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
ARG VERSION=dev
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/tinyserver /tinyserver
USER 65534:65534
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["/tinyserver", "probe"]
LABEL org.opencontainers.image.title="tinyserver" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.description="Sample service of the small-images guide"
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
