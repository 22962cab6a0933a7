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
# Exec form: the server itself is PID 1 and receives SIGTERM from docker stop.
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
