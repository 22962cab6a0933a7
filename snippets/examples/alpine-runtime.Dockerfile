FROM golang:1.27-alpine3.24 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM alpine:3.24
# The CA bundle is already there (ca-certificates-bundle); time zone data is not.
# hadolint ignore=DL3018 # the pinned base tag fixes the Alpine branch
RUN apk add --no-cache tzdata
COPY --from=build /out/tinyserver /usr/local/bin/tinyserver
USER 65534:65534
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
