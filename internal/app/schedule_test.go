package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/report/reporttest"
	"github.com/agsreport/agsreport/internal/safefs"
)

// countingFS is the real file system counting the files being written at
// once: renderPapers creates a paper's file before rendering it and
// closes it after, so that count is the number of renders under way.
type countingFS struct {
	safefs.OS
	mu                  sync.Mutex
	open, most, created int
}

func (c *countingFS) createdSoFar() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.created
}

func (c *countingFS) Create(path string) (io.WriteCloser, error) {
	w, err := c.OS.Create(path)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.created++
	c.open++
	c.most = max(c.most, c.open)
	c.mu.Unlock()
	return &countedFile{WriteCloser: w, fs: c}, nil
}

type countedFile struct {
	io.WriteCloser
	fs   *countingFS
	once sync.Once
}

func (f *countedFile) Close() error {
	f.once.Do(func() {
		f.fs.mu.Lock()
		f.fs.open--
		f.fs.mu.Unlock()
	})
	return f.WriteCloser.Close()
}

// TestRenderPapersSchedule checks the scheduling of renders: every output
// is asked for its document exactly once, and only when every render of
// the outputs before it has started, and every file is written; with a
// budget below any render's cost no two renders run at once; and a
// document that cannot be had is the error, the first in the job's order,
// with nothing written.
func TestRenderPapersSchedule(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs two threads to see renders overlap")
	}
	outs := []job.Output{
		{Index: 1, File: "a", Formats: []string{"pdf", "xlsx", "html"}},
		{Index: 2, File: "b", Formats: []string{"pdf", "xlsx"}},
		{Index: 3, File: "c", Formats: []string{"html", "pdf"}},
	}
	var want []string
	for _, o := range outs {
		for _, f := range o.Formats {
			want = append(want, o.File+"."+f)
		}
	}
	slices.Sort(want)
	cases := []struct {
		name     string
		budget   int64
		fail     map[int]bool // outputs whose document cannot be had
		mostOpen int          // renders at once, at most
		wantErr  string
	}{
		{name: "no budget: one render at a time", budget: 0, mostOpen: 1},
		{name: "a large budget: as many as there are threads", budget: 1 << 40, mostOpen: runtime.GOMAXPROCS(0)},
		{name: "two documents fail: the first is the error", budget: 1 << 40, fail: map[int]bool{1: true, 2: true}, wantErr: "output 2 cannot be composed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			var mu sync.Mutex
			asked := make([]int, len(outs))
			fsys := &countingFS{}
			docOf := func(i int) (*report.Document, error) {
				mu.Lock()
				asked[i]++
				mu.Unlock()
				before := 0
				for _, o := range outs[:i] {
					before += len(o.Formats)
				}
				// A render counts as started when its worker takes it, a
				// moment before it creates its file; the other workers
				// may each be in that moment.
				lag := runtime.GOMAXPROCS(0) - 1
				if started := fsys.createdSoFar(); tc.fail == nil && started < before-lag {
					t.Errorf("output %d composed when %d of the %d renders before it had started", i+1, started, before)
				}
				if tc.fail[i] {
					return nil, fmt.Errorf("output %d cannot be composed", i+1)
				}
				return reporttest.LongGroup(), nil
			}
			written, _, err := renderPapers(fsys, outs, docOf, dir, tc.budget, nil)
			for i, n := range asked {
				if n != 1 {
					t.Errorf("output %d: document asked for %d times, want once", i+1, n)
				}
			}
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("the output folder is left behind: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range written {
				got = append(got, filepath.Base(w.Path))
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("wrote %v, want %v", got, want)
			}
			if fsys.most > tc.mostOpen {
				t.Errorf("%d renders ran at once, want at most %d", fsys.most, tc.mostOpen)
			}
		})
	}
}

// TestRenderCost checks that a render's estimated cost follows the
// document's cells and its format, and that a format the table does not
// know counts as the costliest.
func TestRenderCost(t *testing.T) {
	small, large := reporttest.OneRow(), reporttest.LongGroup()
	if cellCount(small) == 0 || cellCount(large) <= cellCount(small) {
		t.Fatalf("cells: %d and %d", cellCount(small), cellCount(large))
	}
	if renderCost("pdf", large) <= renderCost("pdf", small) {
		t.Error("a larger document does not cost more")
	}
	if renderCost("pdf", large) <= renderCost("xlsx", large) {
		t.Error("a PDF does not cost more than a workbook")
	}
	if renderCost("nonesuch", large) < renderCost("pdf", large) {
		t.Error("an unknown format costs less than the costliest known one")
	}
}
