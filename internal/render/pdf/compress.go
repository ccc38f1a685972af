package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"sync"
)

// compressStreams returns an fpdf file written without compression with
// each of its unfiltered streams (the page contents) Flate-compressed, and
// its cross-reference table and startxref moved to match.
//
// fpdf compresses each page with a new zlib writer, which allocates about
// a megabyte per page and dominated the time of long papers; here a few
// writers are reused, on as many goroutines as there are processors. The
// objects are found through the file's own cross-reference table, so no
// byte inside a stream is ever taken for syntax. The output is the same for
// the same input.
func compressStreams(src []byte) ([]byte, error) {
	offsets, xrefAt, err := readXref(src)
	if err != nil {
		return nil, err
	}
	type stream struct {
		dict, data, end int // start of "<<", start and end of the stream data
		out             []byte
	}
	var streams []stream
	for _, off := range offsets {
		p := bytes.Index(src[off:min(off+32, len(src))], []byte(" 0 obj\n<</Length "))
		if p < 0 {
			continue
		}
		dict := off + p + len(" 0 obj\n")
		q := dict + len("<</Length ")
		n := 0
		for q < len(src) && src[q] >= '0' && src[q] <= '9' {
			n = n*10 + int(src[q]-'0')
			q++
		}
		if !bytes.HasPrefix(src[q:], []byte(">>\nstream\n")) {
			continue // a stream with other keys, already filtered
		}
		data := q + len(">>\nstream\n")
		if data+n > len(src) || !bytes.HasPrefix(src[data+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("compressing PDF: stream of object at %d is not %d bytes long", off, n)
		}
		streams = append(streams, stream{dict: dict, data: data, end: data + n})
	}
	if len(streams) == 0 {
		return bytes.Clone(src), nil // never the caller's own slice
	}
	sort.Slice(streams, func(i, j int) bool { return streams[i].dict < streams[j].dict })

	// Compress, each worker with its own writer.
	workers := min(runtime.GOMAXPROCS(0), len(streams), 8)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed) // a valid level never fails
			for i := w; i < len(streams); i += workers {
				s := &streams[i]
				buf.Reset()
				zw.Reset(&buf)
				_, _ = zw.Write(src[s.data:s.end]) // writes to a bytes.Buffer cannot fail
				_ = zw.Close()
				s.out = bytes.Clone(buf.Bytes())
			}
		}(w)
	}
	wg.Wait()

	// Reassemble, remembering how far each object moved. The output is
	// sized exactly (give or take the digits of the new offsets), so it is
	// allocated once.
	size := len(src)
	for _, s := range streams {
		size += len(s.out) - (s.end - s.dict) + len("<</Filter /FlateDecode /Length >>\nstream\n") + 20
	}
	out := make([]byte, 0, size)
	shiftAt := make([]int, len(streams)) // positions in src after which...
	shiftBy := make([]int, len(streams)) // ...everything moved by this much
	last, moved := 0, 0
	for i, s := range streams {
		out = append(out, src[last:s.dict]...)
		out = append(out, "<</Filter /FlateDecode /Length "...)
		out = strconv.AppendInt(out, int64(len(s.out)), 10)
		out = append(out, ">>\nstream\n"...)
		out = append(out, s.out...)
		last = s.end
		moved = len(out) - s.end
		shiftAt[i], shiftBy[i] = s.end, moved
	}
	shift := func(pos int) int {
		i := sort.SearchInts(shiftAt, pos+1) // streams ending at or before pos
		if i == 0 {
			return pos
		}
		return pos + shiftBy[i-1]
	}
	// Copy the rest up to the cross-reference table, then rewrite it.
	out = append(out, src[last:xrefAt]...)
	newXref := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(len(offsets)+1), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for _, off := range offsets {
		out = append(out, fmt.Sprintf("%010d 00000 n \n", shift(off))...)
	}
	// The trailer follows the table; its startxref is the last number.
	tail := src[xrefAt+xrefLen(len(offsets)):]
	k := bytes.LastIndex(tail, []byte("startxref\n"))
	if k < 0 {
		return nil, fmt.Errorf("compressing PDF: no startxref")
	}
	out = append(out, tail[:k]...)
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(newXref), 10)
	out = append(out, "\n%%EOF\n"...)
	return out, nil
}

// xrefLen is the length of fpdf's cross-reference table for n objects.
func xrefLen(n int) int {
	return len("xref\n0 ") + len(strconv.Itoa(n+1)) + 1 + 20*(n+1)
}

// readXref finds fpdf's cross-reference table and returns the offsets of
// objects 1… in order and where the table starts.
func readXref(src []byte) ([]int, int, error) {
	k := bytes.LastIndex(src, []byte("startxref\n"))
	if k < 0 {
		return nil, 0, fmt.Errorf("compressing PDF: no startxref")
	}
	end := k + len("startxref\n")
	for end < len(src) && src[end] >= '0' && src[end] <= '9' {
		end++
	}
	at, err := strconv.Atoi(string(src[k+len("startxref\n") : end]))
	if err != nil || at < 0 || at >= len(src) || !bytes.HasPrefix(src[at:], []byte("xref\n0 ")) {
		return nil, 0, fmt.Errorf("compressing PDF: bad startxref")
	}
	p := at + len("xref\n0 ")
	q := p
	for q < len(src) && src[q] >= '0' && src[q] <= '9' {
		q++
	}
	count, err := strconv.Atoi(string(src[p:q]))
	if err != nil || count < 1 || q+1+20*count > len(src) {
		return nil, 0, fmt.Errorf("compressing PDF: bad xref header")
	}
	offsets := make([]int, 0, count-1)
	row := q + 1 + 20 // skip object 0
	for i := 1; i < count; i++ {
		o, err := strconv.Atoi(string(src[row : row+10]))
		if err != nil || o < 0 || o >= at {
			return nil, 0, fmt.Errorf("compressing PDF: bad xref entry %d", i)
		}
		offsets = append(offsets, o)
		row += 20
	}
	return offsets, at, nil
}
