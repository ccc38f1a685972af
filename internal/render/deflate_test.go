package render

import (
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"
)

// TestDeflaterReused checks that a deflater given back and handed out
// again writes a stream of its own: each inflates to exactly its text,
// with nothing of the one before.
func TestDeflaterReused(t *testing.T) {
	for i, text := range []string{strings.Repeat("<row>agsreport</row>", 500), "x", "", "second <row>"} {
		var buf bytes.Buffer
		fw := Deflater(&buf)
		if _, err := io.WriteString(fw, text); err != nil {
			t.Fatal(err)
		}
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		ReuseDeflater(fw)
		back, err := io.ReadAll(flate.NewReader(&buf))
		if err != nil || string(back) != text {
			t.Errorf("case %d: inflates to %q (%v), want %q", i, firstBytes(back), err, firstBytes([]byte(text)))
		}
	}
	ReuseDeflater(nil) // harmless
}

func firstBytes(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}
