# Both images float: any rebuild may get another Go, another Debian.
FROM golang:latest AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static
COPY --from=build /out/tinyserver /tinyserver
USER 65532:65532
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
