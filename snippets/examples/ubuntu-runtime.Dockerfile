FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM ubuntu:24.04
# The Ubuntu image is minimised: neither the CA bundle nor tzdata is installed.
# hadolint ignore=DL3008 # the pinned base tag is our pin; see "Pin the tag"
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/tinyserver /usr/local/bin/tinyserver
USER 65534:65534
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
