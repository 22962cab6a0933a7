FROM golang:1.27-alpine3.24 AS build
# A C compiler and musl's headers and static library: the golang
# Alpine image has neither.
# hadolint ignore=DL3018 # the pinned golang tag fixes the Alpine branch
RUN apk add --no-cache gcc musl-dev
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# musl is made to be linked statically: no NSS, no dlopen of resolver modules.
RUN CGO_ENABLED=1 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION} \
                -linkmode external -extldflags -static" \
      -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
