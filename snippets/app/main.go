// Command tinyserver is the sample service that every Dockerfile in the guide builds.
//
// It has four subcommands:
//
//	tinyserver serve      HTTP server on $ADDR (default :8080): / and /healthz
//	tinyserver selfcheck  checks what a container image must provide; exits 1 if any check fails
//	tinyserver version    prints the version stamped in at build time
//	tinyserver probe      GETs /healthz of a running server; exit 0 if it answers 200 (for HEALTHCHECK)
//
// The version is stamped with: go build -ldflags "-X main.version=1.2.3"
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// version is empty unless the build sets it with -ldflags "-X main.version=...".
var version = ""

func main() {
	cmd := "serve"
	if len(os.Args) > 1 {
		cmd = os.Args[1]
	}
	switch cmd {
	case "serve":
		if err := serve(); err != nil {
			log.Fatal(err)
		}
	case "selfcheck":
		os.Exit(selfcheck(os.Stdout))
	case "version":
		fmt.Println(version)
	case "probe":
		os.Exit(probe())
	default:
		fmt.Fprintf(os.Stderr, "usage: %s [serve|selfcheck|version|probe]\n", os.Args[0])
		os.Exit(2)
	}
}

// listenAddr is where serve listens: $ADDR, or :8080.
func listenAddr() string {
	if addr := os.Getenv("ADDR"); addr != "" {
		return addr
	}
	return ":8080"
}

// serve runs the HTTP server until SIGTERM or SIGINT, then drains open requests.
func serve() error {
	addr := listenAddr()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "Hello from tinyserver %s\n", displayVersion())
	})
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	// docker stop sends SIGTERM to PID 1; with an exec-form ENTRYPOINT that is this process.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	log.Printf("tinyserver %s listening on %s", displayVersion(), addr)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Print("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func displayVersion() string {
	if version == "" {
		return "(version not set)"
	}
	return version
}

// probe asks the server on this machine for /healthz. Images without curl or wget (scratch,
// distroless) can still have a HEALTHCHECK: HEALTHCHECK CMD ["/tinyserver", "probe"].
func probe() int {
	host, port, err := net.SplitHostPort(listenAddr())
	if err != nil {
		fmt.Fprintln(os.Stderr, "probe:", err)
		return 1
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	client := &http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://" + net.JoinHostPort(host, port) + "/healthz")
	if err != nil {
		fmt.Fprintln(os.Stderr, "probe:", err)
		return 1
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, "probe: /healthz answered", resp.Status)
		return 1
	}
	return 0
}
