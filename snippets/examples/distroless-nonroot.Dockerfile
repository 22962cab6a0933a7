# Build stage: the full Go toolchain, used only to compile.
FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

# Final stage: CA certificates, tzdata and a nonroot user (65532), nothing else.
FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
