FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM debian:trixie-slim
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/tinyserver /usr/local/bin/tinyserver
USER 65534:65534
# Shell form: /bin/sh becomes PID 1 and the server never sees SIGTERM.
CMD /usr/local/bin/tinyserver serve
