FROM golang:1.27-trixie AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags="-s -w -X main.version=${VERSION}" -o /out/tinyserver .

FROM scratch
# scratch is empty: bring the CA bundle and the time zone database along.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
COPY --from=build /out/tinyserver /tinyserver
# No /etc/passwd here: name the user by number (65534 is "nobody" by convention).
USER 65534:65534
EXPOSE 8080
ENTRYPOINT ["/tinyserver"]
CMD ["serve"]
