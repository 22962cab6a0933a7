FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

# Debian 12 distroless: no updates since September 2026, whatever CVEs come next.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
