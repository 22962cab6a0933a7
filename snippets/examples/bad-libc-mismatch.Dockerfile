# Built against glibc (cgo on by default in the Debian golang image)...
FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

# ...run on musl: the loader /lib64/ld-linux-x86-64.so.2 does not exist here.
FROM alpine:3.24
# hadolint ignore=DL3018 # the pinned base tag fixes the Alpine branch
RUN apk add --no-cache tzdata
COPY --from=build /out/tinyserver /usr/local/bin/tinyserver
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
