package tablestream

import (
	"bufio"
	"errors"
	"io"
)

// ErrBadMagic is returned when a stream does not start with TBS1 (spec 5.1).
var ErrBadMagic = errors.New("tablestream: missing TBS1 magic")

// Reader reads record batches from a stream as they arrive.
type Reader struct {
	r      *bufio.Reader
	schema Schema
}

// NewReader checks the magic bytes and reads the schema.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, 4)
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != "TBS1" {
		return nil, ErrBadMagic
	}
	return &Reader{r: br}, nil
}
