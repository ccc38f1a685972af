package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// Bounds on the XML of a workbook's parts. Every one is checked as the
// part is read, so that a hostile file costs no more than the bound.
const (
	// maxDepth is how deeply XML elements may nest. Excel writes worksheets
	// about eight deep.
	maxDepth = 128
	// maxRun is the longest stretch of a part without a "<": one text or
	// one tag. A cell holds at most maxCellChars characters, each at most
	// ten bytes when written as a character reference, so no cell needs
	// more; the bound keeps the XML decoder from buffering a huge text.
	maxRun = 1 << 20
)

// partError is a part of a workbook that cannot be read: damaged,
// truncated, not well-formed, or beyond a bound.
type partError struct {
	part    string
	problem string
	damaged bool // the file is damaged, rather than too large
}

func (e *partError) Error() string {
	if e.damaged {
		return fmt.Sprintf("the part %s %s: the file is damaged; open it in Excel and save it again", e.part, e.problem)
	}
	return fmt.Sprintf("the part %s %s", e.part, e.problem)
}

// damagedPart explains err, met reading part, as a partError.
func damagedPart(part string, err error) error {
	var pe *partError
	var se *xml.SyntaxError
	var fe flate.CorruptInputError
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.Is(err, zip.ErrChecksum):
		return &partError{part: part, problem: "fails its zip checksum", damaged: true}
	case errors.As(err, &se):
		return &partError{part: part, problem: fmt.Sprintf("is not well-formed XML (line %d: %s)", se.Line, se.Msg), damaged: true}
	case errors.As(err, &fe), errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm), errors.Is(err, io.ErrUnexpectedEOF):
		return &partError{part: part, problem: "cannot be unzipped", damaged: true}
	}
	return &partError{part: part, problem: fmt.Sprintf("cannot be read (%v)", err), damaged: true}
}

// runGuard passes a part's bytes through, failing when a stretch without
// "<" grows longer than maxRun.
type runGuard struct {
	r    io.Reader
	part string
	run  int // bytes since the last "<"
}

func (g *runGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	b := p[:n]
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			g.run += len(b)
			break
		}
		if g.run+i > maxRun {
			g.run += i
			break
		}
		g.run = 0
		b = b[i+1:]
	}
	if g.run > maxRun {
		return 0, &partError{part: g.part, problem: fmt.Sprintf("holds a text or tag longer than %d MB (a cell holds at most %d characters)", maxRun>>20, maxCellChars)}
	}
	return n, err
}

// xmlPart reads one XML part token by token, checking as it goes that it
// is well-formed (every element closed in order, one root) and nests no
// deeper than maxDepth. Tokens are those of xml.Decoder.RawToken: names
// keep their prefixes, and CharData is valid only until the next call.
type xmlPart struct {
	d      *xml.Decoder
	src    io.Reader
	part   string
	stack  []xml.Name
	rooted bool // the root element has started
	done   bool // the root element has ended
}

func newXMLPart(r io.Reader, part string) *xmlPart {
	g := &runGuard{r: r, part: part}
	d := xml.NewDecoder(g)
	return &xmlPart{d: d, src: g, part: part}
}

// depth is the number of elements open.
func (x *xmlPart) depth() int { return len(x.stack) }

// next returns the next token; io.EOF at the end of a well-formed part,
// after the zip entry has been read to its end (so its checksum is
// checked). Any other error is a partError.
func (x *xmlPart) next() (xml.Token, error) {
	tok, err := x.d.RawToken()
	if err == io.EOF {
		switch {
		case len(x.stack) > 0:
			return nil, &partError{part: x.part, problem: fmt.Sprintf("ends before its element <%s> is closed (it is cut short)", x.stack[len(x.stack)-1].Local), damaged: true}
		case !x.rooted:
			return nil, &partError{part: x.part, problem: "holds no XML element", damaged: true}
		}
		// The decoder stops at the end of the data; drain what is left so
		// that the zip reader checks the entry's checksum.
		if _, err := io.Copy(io.Discard, x.src); err != nil {
			return nil, damagedPart(x.part, err)
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, damagedPart(x.part, err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if x.done {
			return nil, &partError{part: x.part, problem: fmt.Sprintf("has a second root element <%s>", t.Name.Local), damaged: true}
		}
		if len(x.stack) >= maxDepth {
			line, _ := x.d.InputPos()
			return nil, &partError{part: x.part, problem: fmt.Sprintf("nests XML elements more than %d deep (line %d)", maxDepth, line)}
		}
		x.rooted = true
		x.stack = append(x.stack, t.Name)
	case xml.EndElement:
		if len(x.stack) == 0 || x.stack[len(x.stack)-1] != t.Name {
			line, _ := x.d.InputPos()
			return nil, &partError{part: x.part, problem: fmt.Sprintf("is not well-formed XML (line %d: unexpected end element </%s>)", line, t.Name.Local), damaged: true}
		}
		x.stack = x.stack[:len(x.stack)-1]
		x.done = len(x.stack) == 0
	case xml.CharData:
		if len(x.stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
			line, _ := x.d.InputPos()
			return nil, &partError{part: x.part, problem: fmt.Sprintf("is not well-formed XML (line %d: text outside the root element)", line), damaged: true}
		}
	}
	return tok, nil
}

// skip reads to the end of the element just started.
func (x *xmlPart) skip() error {
	d := x.depth()
	for x.depth() >= d {
		if _, err := x.next(); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// text reads the character data up to the end of the element just
// started, failing with tooLong when it passes limit bytes. Elements inside
// it are skipped.
func (x *xmlPart) text(limit int, tooLong func() error) (string, error) {
	d := x.depth()
	// The usual text is one piece, made a string once; only text in
	// several pieces (split around an entity or a comment) is joined.
	var (
		one    string
		b      []byte
		pieces int
	)
	for {
		tok, err := x.next()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if x.depth() == d {
				if len(one)+len(b)+len(t) > limit {
					return "", tooLong()
				}
				switch pieces {
				case 0:
					one = string(t)
				case 1:
					b = append([]byte(one), t...)
					one = ""
				default:
					b = append(b, t...)
				}
				pieces++
			}
		case xml.EndElement:
			if x.depth() < d {
				if pieces > 1 {
					return string(b), nil
				}
				return one, nil
			}
		}
	}
}

// drain reads the rest of the part, checking it.
func (x *xmlPart) drain() error {
	for {
		if _, err := x.next(); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

// attr returns the value of the attribute with the local name, "" if none.
func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
