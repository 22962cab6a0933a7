FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# cgo is on by default in this image (it has gcc): net/http links against glibc.
RUN go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/tinyserver /tinyserver
USER 65534:65534
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
