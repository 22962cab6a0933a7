# syntax=docker/dockerfile:1
# (1)!

# (2)!
FROM --platform=$BUILDPLATFORM golang:1.27-trixie AS build
WORKDIR /src

# (3)!
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download

# (4)!
COPY . .
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
# (5)!
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w -X main.version=${VERSION}" \
      -o /out/tinyserver .

# (6)!
FROM gcr.io/distroless/static-debian13:nonroot
ARG VERSION=dev
# (7)!
COPY --from=build /out/tinyserver /tinyserver
# (8)!
USER 65532:65532
EXPOSE 8080
# (9)!
HEALTHCHECK --interval=30s --timeout=3s CMD ["/tinyserver", "probe"]
# (10)!
LABEL org.opencontainers.image.title="tinyserver" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.description="Sample service of the small-images guide"
# (11)!
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
