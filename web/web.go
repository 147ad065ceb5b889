// Package web holds recoupe's page: the HTML templates, the style sheet and
// the small progressive script, embedded so that a plain `go install`
// produces a complete binary. It imports nothing of recoupe; the server
// receives FS as an fs.FS.
//
// Layout: templates/*.html are html/template files (base.html defines the
// frame, each other file one page); static/ is served under /static/.
package web

import "embed"

// FS is the page's files: templates/ and static/.
//
//go:embed templates static
var FS embed.FS
