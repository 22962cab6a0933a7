FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# cgo on (a C dependency needs it), linked statically: glibc goes into
# the binary. netgo and osusergo keep DNS and user lookups in Go, away
# from glibc's NSS modules.
RUN CGO_ENABLED=1 go build -trimpath -tags netgo,osusergo \
      -ldflags="-s -w -X main.version=${VERSION} \
                -linkmode external -extldflags -static" \
      -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
