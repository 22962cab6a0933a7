# syntax=docker/dockerfile:1
FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .

# docker build --target vuln: fails when the code reaches a known vulnerability.
FROM build AS vuln
RUN go install golang.org/x/vuln/cmd/govulncheck@v1.1.4 \
 && govulncheck ./...

FROM build AS compile
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=compile /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
