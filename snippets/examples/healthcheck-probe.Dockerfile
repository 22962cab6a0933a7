FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
EXPOSE 8080
# Exec form, and the binary checks its own /healthz: no curl, no shell needed.
HEALTHCHECK --interval=30s --timeout=3s CMD ["/tinyserver", "probe"]
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
