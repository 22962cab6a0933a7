# The shipped image and its debug twin differ only in this tag:
#   docker build .                                       -> nonroot, no shell
#   docker build --build-arg BASE_TAG=debug-nonroot .    -> BusyBox at /busybox/sh
ARG BASE_TAG=nonroot

FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:${BASE_TAG}
COPY --from=build /out/tinyserver /tinyserver
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
