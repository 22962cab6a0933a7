FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# -tags timetzdata embeds Go's copy of the time zone database in the binary.
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/tinyserver /tinyserver
USER 65534:65534
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
