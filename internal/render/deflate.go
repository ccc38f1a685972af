package render

import (
	"compress/flate"
	"io"
	"sync"
)

// deflaters are deflate writers kept for reuse across the parts and the
// files of a run: a new one allocates about a megabyte.
var deflaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed) // a valid level never fails
	return fw
}}

// Deflater returns a deflate writer at the fastest level writing to w,
// reused when one was given back with ReuseDeflater. The fastest level is
// the one the zipped formats (Excel, Word) use: measured on the examples,
// their packages grow by a tenth to a sixth and are written in half the
// time or less.
func Deflater(w io.Writer) *flate.Writer {
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(w)
	return fw
}

// ReuseDeflater gives fw back to be returned by a later Deflater. The
// caller must not use fw afterwards.
func ReuseDeflater(fw *flate.Writer) {
	if fw != nil {
		deflaters.Put(fw)
	}
}
