# A single Alpine stage that builds, then tries to clean up after itself.
FROM alpine:3.24
# hadolint ignore=DL3018 # the pinned base tag fixes the Alpine branch
RUN apk add --no-cache go gcc musl-dev
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /usr/local/bin/tinyserver .
# Too late: the compiler is already stored in the layer of the first RUN.
RUN apk del go gcc musl-dev
USER 65534:65534
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
