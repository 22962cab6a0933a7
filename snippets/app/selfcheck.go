package main

import (
	"crypto/x509"
	"fmt"
	"io"
	"os"
	"time"
)

// caBundle is where Debian, Ubuntu and Alpine keep the CA bundle, and the first place Go looks.
const caBundle = "/etc/ssl/certs/ca-certificates.crt"

type check struct {
	name string
	run  func() (detail string, ok bool)
}

var checks = []check{
	{"ca-certificates", checkCACerts},
	{"time-zone", checkTimeZone},
	{"non-root", checkNonRoot},
	{"version", checkVersion},
}

// selfcheck prints one line per check and returns the exit code: 0 only if every check passed.
func selfcheck(w io.Writer) int {
	failed := 0
	for _, c := range checks {
		detail, ok := c.run()
		status := "ok  "
		if !ok {
			status = "FAIL"
			failed++
		}
		fmt.Fprintf(w, "%s %-15s %s\n", status, c.name, detail)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// checkCACerts passes when TLS clients could verify servers: Go's system pool is not empty (it
// reads SSL_CERT_FILE/SSL_CERT_DIR if set, else the usual bundle paths), or, when SSL_CERT_FILE is
// not set, a readable bundle at the Debian/Alpine path holds at least one certificate.
func checkCACerts() (string, bool) {
	if pool, err := x509.SystemCertPool(); err == nil {
		if n := len(pool.Subjects()); n > 0 { //nolint:staticcheck // enumerable on Linux
			return fmt.Sprintf("%d certificates in the system pool", n), true
		}
	}
	if os.Getenv("SSL_CERT_FILE") == "" {
		if pem, err := os.ReadFile(caBundle); err == nil && x509.NewCertPool().AppendCertsFromPEM(pem) {
			return "bundle found at " + caBundle, true
		}
	}
	return "no CA certificates (" + caBundle + " missing): HTTPS clients cannot verify any server", false
}

func checkTimeZone() (string, bool) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		return err.Error() + " (no /usr/share/zoneinfo and no embedded tzdata)", false
	}
	return "Europe/Berlin loads, now " + time.Now().In(loc).Format("15:04 MST"), true
}

func checkNonRoot() (string, bool) {
	uid, gid := os.Geteuid(), os.Getegid()
	if uid == 0 {
		return "running as root (uid 0): set a non-root USER in the image", false
	}
	return fmt.Sprintf("running as uid %d, gid %d", uid, gid), true
}

func checkVersion() (string, bool) {
	if version == "" {
		return `empty: build with -ldflags "-X main.version=..." and declare ARG VERSION in the build stage`, false
	}
	return version, true
}
