# syntax=docker/dockerfile:1
# Pinned by digest in real use: golang:1.27.3-trixie@sha256:...
FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# -trimpath: no build directory in the binary; -buildvcs=false: nothing from .git, whether or
# not the build context has it. Same sources + same Go = same bytes.
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
