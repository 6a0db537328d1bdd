// Command ferretdb runs FerretDB v1 (a MongoDB-wire server) with its SQLite backend on loopback,
// for the CMS's MongoDB leg in CI (issue #12). A plain `go install` of FerretDB's cmd/ferretdb
// panics at start (its version file is generated upstream); the embeddable package does not.
//
//	ferretdb -listen 127.0.0.1:27018 -dir /tmp/ferretdb-data
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to listen on (loopback)")
	dir := flag.String("dir", "", "directory for the SQLite databases (required)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("ferretdb: -dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		log.Fatal(err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		log.Fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Printf("ferretdb: listening on %s (sqlite in %s)\n", *listen, abs)
	if err := f.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
