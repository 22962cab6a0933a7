FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
# -a rebuilds everything every time; -installsuffix cgo is a leftover from before Go 1.10.
RUN CGO_ENABLED=0 GOOS=linux go build -a -installsuffix cgo \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM gcr.io/distroless/static-debian13:nonroot
COPY --from=build /out/tinyserver /tinyserver
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
