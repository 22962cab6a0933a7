# Declared before the first FROM: visible to FROM lines only, not inside the stages.
ARG GO_VERSION=1.27
ARG VERSION=1.4.2

FROM golang:${GO_VERSION}-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
