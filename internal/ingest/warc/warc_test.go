package warc_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/recoupe/recoupe/internal/ingest/warc"
)

// record builds one WARC record (fictional content).
func record(version, typ, uri, body string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		version, typ, uri, len(body), len(body), body)
	return b.Bytes()
}

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

type got struct {
	Offset int64
	Type   string
	URI    string
	Body   string
}

func readAll(t *testing.T, data []byte) ([]got, error) {
	t.Helper()
	r, err := warc.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var out []got
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		body, err := io.ReadAll(rec.Body)
		if err != nil {
			return out, err
		}
		out = append(out, got{rec.Offset, rec.Type(), rec.TargetURI(), string(body)})
	}
}

func TestReader(t *testing.T) {
	r1 := record("WARC/1.0", "warcinfo", "", "software: fictional")
	r2 := record("WARC/1.1", "response", "http://example.org/a", "HTTP/1.1 200 OK\r\n\r\n<p>a</p>")
	r3 := record("WARC/1.1", "request", "<http://example.org/b>", "GET /b HTTP/1.1\r\n\r\n")
	want := []got{
		{0, "warcinfo", "", "software: fictional"},
		{int64(len(r1)), "response", "http://example.org/a", "HTTP/1.1 200 OK\r\n\r\n<p>a</p>"},
		{int64(len(r1) + len(r2)), "request", "http://example.org/b", "GET /b HTTP/1.1\r\n\r\n"},
	}
	g1, g2, g3 := gz(r1), gz(r2), gz(r3)
	wantGz := append([]got{}, want...)
	wantGz[1].Offset, wantGz[2].Offset = int64(len(g1)), int64(len(g1)+len(g2))
	wantOne := append([]got{}, want...)
	wantOne[1].Offset, wantOne[2].Offset = 0, 0
	tests := []struct {
		name string
		data []byte
		want []got
	}{
		{"plain", cat(r1, r2, r3), want},
		{"gzip-per-record", cat(g1, g2, g3), wantGz},
		{"gzip-one-member", gz(cat(r1, r2, r3)), wantOne},
		{"lf-only", []byte(strings.ReplaceAll(string(record("WARC/1.0", "resource", "u", "x")), "\r\n", "\n")), []got{{0, "resource", "u", "x"}}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := readAll(t, tt.data)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

func TestReaderSkipsUnreadBodies(t *testing.T) {
	data := cat(gz(record("WARC/1.0", "response", "a", strings.Repeat("x", 100000))), gz(record("WARC/1.0", "response", "b", "y")))
	r, err := warc.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, rec.TargetURI()) // body left unread
	}
	if diff := cmp.Diff([]string{"a", "b"}, uris); diff != "" {
		t.Errorf("uris (-want +got):\n%s", diff)
	}
}

func TestReaderErrors(t *testing.T) {
	good := gz(record("WARC/1.0", "response", "http://example.org/ok", "fine"))
	second := gz(record("WARC/1.0", "response", "http://example.org/cut", strings.Repeat("lost ", 2000)))
	tests := []struct {
		name string
		data []byte
		want error
		kept int
	}{
		{"truncated-gzip", cat(good, second[:len(second)/2]), warc.ErrTruncated, 1},
		{"truncated-gzip-trailer", cat(good, second[:len(second)-3]), warc.ErrTruncated, 2}, // content complete, trailer cut: reported after it
		{"truncated-plain", record("WARC/1.0", "response", "u", "abcdef")[:60], warc.ErrTruncated, 0},
		{"not-warc", []byte("hello world\r\n\r\n"), warc.ErrFormat, 0},
		{"bad-length", []byte("WARC/1.0\r\nContent-Length: -3\r\n\r\n"), warc.ErrFormat, 0},
		{"no-length", []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n"), warc.ErrFormat, 0},
		{"bad-header", []byte("WARC/1.0\r\nno colon here\r\n\r\n"), warc.ErrFormat, 0},
		{"huge-header-line", []byte("WARC/1.0\r\nX: " + strings.Repeat("a", warc.MaxHeaderLine+10) + "\r\n"), warc.ErrFormat, 0},
		{"many-headers", []byte("WARC/1.0\r\n" + strings.Repeat("X: y\r\n", warc.MaxHeaderLines+5)), warc.ErrFormat, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readAll(t, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "offset") {
				t.Errorf("error %q should name the record's offset", err)
			}
			if len(recs) != tt.kept {
				t.Errorf("kept %d records before the error, want %d", len(recs), tt.kept)
			}
		})
	}
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pat []byte
	n   int64
	i   int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for k := 0; k < len(p); {
		c := copy(p[k:], r.pat[r.i:])
		k += c
		r.i = (r.i + c) % len(r.pat)
	}
	r.n -= int64(len(p))
	return len(p), nil
}

func TestReaderHugeRecordBoundedMemory(t *testing.T) {
	const size = 100 << 20
	head := fmt.Sprintf("WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: big\r\nContent-Length: %d\r\n\r\n", size)
	tail := "\r\n\r\n" + string(record("WARC/1.1", "resource", "after", "small"))
	src := io.MultiReader(strings.NewReader(head), &repeatReader{pat: []byte("<p>fictional filler</p>\n"), n: size}, strings.NewReader(tail))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := warc.NewReader(src)
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	var n int64
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		uris = append(uris, rec.TargetURI())
		if rec.TargetURI() == "big" {
			n, _ = io.Copy(io.Discard, io.LimitReader(rec.Body, 1<<20)) // read a little, skip the rest
		}
	}
	runtime.ReadMemStats(&after)
	if diff := cmp.Diff([]string{"big", "after"}, uris); diff != "" {
		t.Errorf("uris (-want +got):\n%s", diff)
	}
	if n != 1<<20 {
		t.Errorf("read %d bytes of the big body, want %d", n, 1<<20)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Errorf("allocated %d MB reading a 100 MB record, want a bounded amount (< 16 MB)", grown>>20)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(record("WARC/1.0", "response", "http://example.org/", "HTTP/1.1 200 OK\r\n\r\nhi"))
	f.Add(gz(record("WARC/1.1", "resource", "u", "x")))
	f.Add(cat(gz(record("WARC/1.1", "resource", "u", "x")), []byte{0x1f, 0x8b, 8, 0}))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := warc.NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatalf("more records (%d) than input bytes", i)
			}
			rec, err := r.Next()
			if err != nil {
				if _, err2 := r.Next(); err2 == nil {
					t.Fatalf("Next after error %v succeeded", err)
				}
				return
			}
			if rec.ContentLength < 0 {
				t.Fatalf("negative length")
			}
			n, _ := io.Copy(io.Discard, rec.Body)
			if n > rec.ContentLength {
				t.Fatalf("body %d bytes > Content-Length %d", n, rec.ContentLength)
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	var plain bytes.Buffer
	page := strings.Repeat("<p>Texte fictif d’un article de presse, paragraphe de remplissage.</p>\n", 300)
	var gzipped bytes.Buffer
	for i := 0; i < 200; i++ {
		r := record("WARC/1.1", "response", fmt.Sprintf("http://example.org/%d", i), "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"+page)
		plain.Write(r)
		gzipped.Write(gz(r))
	}
	for _, c := range []struct {
		name string
		data []byte
	}{{"plain", plain.Bytes()}, {"gzip", gzipped.Bytes()}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(plain.Len())) // MB/s of WARC content
			for b.Loop() {
				r, err := warc.NewReader(bytes.NewReader(c.data))
				if err != nil {
					b.Fatal(err)
				}
				for {
					rec, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					io.Copy(io.Discard, rec.Body)
				}
			}
		})
	}
}
