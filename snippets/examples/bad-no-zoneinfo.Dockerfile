FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/tinyserver /tinyserver
# Without zone data Go cannot load this zone and silently uses UTC.
ENV TZ=Europe/Berlin
USER 65534:65534
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
