package docx

import (
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"
)

// TestFastDeflate checks that a part deflated with a reused writer
// inflates back to what was written, that the writer cannot be written
// once it has gone back to be reused, and that closing twice is harmless.
func TestFastDeflate(t *testing.T) {
	for i, text := range []string{strings.Repeat("<w:p>agsreport</w:p>", 300), "", "x"} {
		var buf bytes.Buffer
		w, err := fastDeflate(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, text); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		back, err := io.ReadAll(flate.NewReader(&buf))
		if err != nil || string(back) != text {
			t.Errorf("case %d: inflates to %d bytes (%v), want %d", i, len(back), err, len(text))
		}
		if _, err := w.Write([]byte("more")); err == nil {
			t.Errorf("case %d: a write after Close succeeded", i)
		}
		if err := w.Close(); err != nil {
			t.Errorf("case %d: second Close: %v", i, err)
		}
	}
}
