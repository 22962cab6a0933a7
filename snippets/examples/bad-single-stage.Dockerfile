# One stage: the image ships the compiler, the module cache and the sources.
FROM golang:1.27-trixie
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /usr/local/bin/tinyserver .
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/tinyserver"]
CMD ["serve"]
