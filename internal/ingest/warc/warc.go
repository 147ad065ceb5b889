// Package warc reads WARC/1.0 and WARC/1.1 archives as a stream of records,
// uncompressed or gzip-compressed (one gzip member per record, as Common
// Crawl and CC-NEWS ship them, or one member for the whole file).
//
// It is written in-house because no maintained Go WARC module is reachable
// from this project's module proxy; it is small, streaming and fuzzed.
// Memory is bounded whatever the input: header lines and header counts are
// capped, and record bodies are never buffered — Record.Body reads straight
// from the (decompressed) stream and whatever the caller does not read is
// skipped by the next call to Next.
package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits on a record's header block.
const (
	MaxHeaderLine  = 64 << 10
	MaxHeaderLines = 1000
)

// Errors the reader returns, wrapped with the record's offset.
var (
	ErrFormat    = errors.New("malformed warc record")
	ErrTruncated = errors.New("truncated archive")
)

// Record is one WARC record. Body is valid until the next call to Next.
type Record struct {
	// Offset is the byte offset of the record in the file: for gzip
	// archives, of the gzip member holding it (as CDX indexes give it).
	Offset  int64
	Version string // "WARC/1.0" or "WARC/1.1"
	// Header maps canonical field names (as given, e.g. "WARC-Type") to
	// values; Get looks them up case-insensitively.
	Header        map[string]string
	ContentLength int64
	Body          io.Reader
}

// Get returns a header field's value, matching the name case-insensitively.
func (r *Record) Get(name string) string {
	if v, ok := r.Header[name]; ok {
		return v
	}
	for k, v := range r.Header {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// Type returns the WARC-Type field ("response", "request", "warcinfo"…).
func (r *Record) Type() string { return r.Get("WARC-Type") }

// TargetURI returns the WARC-Target-URI field without surrounding <>.
func (r *Record) TargetURI() string {
	return strings.Trim(r.Get("WARC-Target-URI"), "<> ")
}

// Reader reads records from a WARC stream.
type Reader struct {
	raw    *countingReader
	br     *bufio.Reader // over raw
	gz     *gzip.Reader  // nil for uncompressed archives
	rec    *bufio.Reader // the decompressed stream records are read from
	offset int64         // offset of the current gzip member
	body   *bodyReader   // the previous record's body
	err    error         // sticky error
}

// NewReader returns a reader over r, detecting gzip compression from the
// first bytes.
func NewReader(r io.Reader) (*Reader, error) {
	raw := &countingReader{r: r}
	br := bufio.NewReaderSize(raw, 64<<10)
	wr := &Reader{raw: raw, br: br}
	magic, err := br.Peek(2)
	if err != nil && len(magic) < 2 {
		if err == io.EOF {
			return wr, nil // empty archive: Next returns io.EOF
		}
		return nil, fmt.Errorf("warc: %w", err)
	}
	if magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("warc: offset 0: %w", err)
		}
		gz.Multistream(false)
		wr.gz = gz
		wr.rec = bufio.NewReaderSize(gz, 32<<10)
	} else {
		wr.rec = br
	}
	return wr, nil
}

// pos is the offset in the raw stream of the next unread byte.
func (r *Reader) pos() int64 { return r.raw.n - int64(r.br.Buffered()) }

// Next returns the next record, or io.EOF after the last one. After any
// other error the archive cannot be read further; records returned before
// it remain valid.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		r.err = err
	}
	return rec, err
}

func (r *Reader) next() (*Record, error) {
	if r.rec == nil {
		return nil, io.EOF
	}
	if r.body != nil {
		if _, err := io.Copy(io.Discard, r.body); err != nil {
			return nil, err // bodyReader errors already name the record
		}
		r.body = nil
	}
	offset := r.offset
	if r.gz == nil {
		offset = r.pos()
	}
	// Skip the blank lines that end the previous record (and, in gzip
	// archives, move to the next member when this one is exhausted).
	for blank := 0; ; blank++ {
		b, err := r.rec.Peek(1)
		if err == io.EOF && r.gz != nil {
			var ok bool
			if ok, err = r.nextMember(); err != nil {
				return nil, err
			}
			if !ok {
				return nil, io.EOF
			}
			offset = r.offset
			continue
		}
		if err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, r.wrap(offset, err)
		}
		if b[0] != '\r' && b[0] != '\n' {
			break
		}
		if blank > 8 {
			return nil, fmt.Errorf("warc: offset %d: %w: too many blank lines between records", offset, ErrFormat)
		}
		r.rec.ReadByte()
		if r.gz == nil {
			offset = r.pos()
		}
	}
	version, err := r.line()
	if err != nil {
		return nil, r.wrap(offset, err)
	}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, fmt.Errorf("warc: offset %d: %w: version line %.40q", offset, ErrFormat, version)
	}
	rec := &Record{Offset: offset, Version: version, Header: map[string]string{}}
	last := ""
	for n := 0; ; n++ {
		if n > MaxHeaderLines {
			return nil, fmt.Errorf("warc: offset %d: %w: more than %d header lines", offset, ErrFormat, MaxHeaderLines)
		}
		l, err := r.line()
		if err != nil {
			return nil, r.wrap(offset, err)
		}
		if l == "" {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			rec.Header[last] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("warc: offset %d: %w: header line %.40q", offset, ErrFormat, l)
		}
		last = strings.TrimSpace(k)
		rec.Header[last] = strings.TrimSpace(v)
	}
	cl := rec.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("warc: offset %d: %w: Content-Length %q", offset, ErrFormat, cl)
	}
	rec.ContentLength = n
	r.body = &bodyReader{r: r.rec, left: n, offset: offset, rd: r}
	rec.Body = r.body
	return rec, nil
}

// nextMember starts the next gzip member; false at the end of the file.
func (r *Reader) nextMember() (bool, error) {
	if _, err := r.br.Peek(1); err == io.EOF {
		return false, nil
	}
	r.offset = r.pos()
	if err := r.gz.Reset(r.br); err != nil {
		return false, r.wrap(r.offset, err)
	}
	r.gz.Multistream(false)
	r.rec.Reset(r.gz)
	return true, nil
}

// line reads one CRLF- or LF-terminated header line of bounded length.
func (r *Reader) line() (string, error) {
	var sb strings.Builder
	for {
		frag, err := r.rec.ReadSlice('\n')
		if sb.Len()+len(frag) > MaxHeaderLine {
			return "", fmt.Errorf("%w: header line longer than %d bytes", ErrFormat, MaxHeaderLine)
		}
		sb.Write(frag)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		return strings.TrimRight(sb.String(), "\r\n"), nil
	}
}

// wrap names the record and turns the ways a stream can end early into
// ErrTruncated.
func (r *Reader) wrap(offset int64, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) {
		return fmt.Errorf("warc: record at offset %d: %w: %w", offset, ErrTruncated, err)
	}
	if errors.Is(err, ErrFormat) || errors.Is(err, ErrTruncated) {
		return fmt.Errorf("warc: record at offset %d: %w", offset, err)
	}
	return fmt.Errorf("warc: record at offset %d: %w", offset, err)
}

// bodyReader reads a record's content block: exactly left bytes, and an
// ErrTruncated error if the stream ends first.
type bodyReader struct {
	r      *bufio.Reader
	left   int64
	offset int64
	rd     *Reader
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if err == io.EOF && b.left > 0 {
		err = fmt.Errorf("warc: record at offset %d: %w: content ends %d bytes early", b.offset, ErrTruncated, b.left)
	} else if err != nil && err != io.EOF {
		err = b.rd.wrap(b.offset, err)
	}
	if err == nil && b.left == 0 {
		err = io.EOF
	}
	return n, err
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
