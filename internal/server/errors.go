package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/recoupe/recoupe/news"
)

// apiError is the body of every JSON error response.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// badRequest marks an error caused by the request (400).
type badRequest struct{ msg string }

func (e badRequest) Error() string { return e.msg }

func errBad(msg string) error { return badRequest{msg} }

// statusOf maps an error to the HTTP status it deserves.
func statusOf(err error) int {
	var br badRequest
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &br):
		return http.StatusBadRequest
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, news.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.Canceled):
		// The client went away; the status is for the log only.
		return 499
	}
	return http.StatusInternalServerError
}

// isAPI reports whether r wants a JSON answer.
func isAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/healthz"
}

// fail writes an error response: JSON under /api/, the error page elsewhere.
// Internal errors are logged with their detail and shown without it.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := err.Error()
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
		msg = http.StatusText(status)
		if status == http.StatusServiceUnavailable {
			msg = "the request took too long"
		}
	}
	if status == 499 {
		status = http.StatusServiceUnavailable
	}
	if isAPI(r) {
		writeJSON(w, status, apiError{Error: msg, Status: status})
		return
	}
	s.render(w, r, status, "error", errorView{
		Status: status, StatusText: http.StatusText(status), Message: msg,
	})
}

// failErr writes err with the status statusOf gives it.
func (s *server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	s.fail(w, r, statusOf(err), err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(apiError{Error: "cannot encode response", Status: status})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte("\n"))
}
