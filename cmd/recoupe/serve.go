package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/recoupe/recoupe/internal/server"
	"github.com/recoupe/recoupe/web"
)

// shutdownGrace is how long in-flight requests get when the server stops.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlagSet("serve", e, "")
	var c common
	c.register(fs, e, "text")
	// A server logs its requests: info by default.
	if e.getenv("RECOUPE_LOG_LEVEL") == "" {
		c.logLevel = "info"
		fs.Lookup("log-level").DefValue = "info"
	}
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no argument (got %q)", errUsage, fs.Args())
	}
	eng, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer eng.Close()
	log := c.logger(e)
	opt := server.Options{AllowPrivate: c.allowPrivate}
	if host, _, err := net.SplitHostPort(*addr); err == nil {
		if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
			// Only loopback names: no DNS rebinding onto a laptop's server.
			opt.AllowedHosts = server.LoopbackHosts
		}
	}
	h, err := server.New(log, eng, web.FS, opt)
	if err != nil {
		return err
	}
	srv := server.NewHTTPServer(*addr, h)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "db", c.db)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
