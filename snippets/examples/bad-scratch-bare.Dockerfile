FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

# Only the binary: no CA bundle, no zoneinfo, and it runs as root.
FROM scratch
COPY --from=build /out/tinyserver /tinyserver
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
