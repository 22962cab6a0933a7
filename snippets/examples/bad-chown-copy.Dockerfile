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
WORKDIR /app
COPY --from=build /out/tinyserver /app/tinyserver
# A second copy of every file under /app, only to change its owner.
RUN chown -R 65534:65534 /app
USER 65534:65534
ENTRYPOINT ["/app/tinyserver"]
CMD ["serve"]
