FROM golang:1.27-alpine3.24 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
# golang:*-alpine has no tzdata package: there is nothing at this path to copy.
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/tinyserver /tinyserver
USER 65534:65534
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
