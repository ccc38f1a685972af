package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/report"
)

// BuildOptions are the options of `agsreport build`.
type BuildOptions struct {
	OutputDir string // overrides the job's output folder when set
	// Timings, when set, receives how long each stage took.
	Timings *Timings
}

// Timings are the durations of a build's stages. Renders of different
// files run concurrently, so PDF and XLSX are each the sum of their files'
// render times, and Total is wall-clock time.
type Timings struct {
	Read, Compose, PDF, XLSX, Write, Total time.Duration
	Pages                                  int // PDF pages written
}

// String formats the timings in seconds for the benchmark harness.
func (t Timings) String() string {
	return fmt.Sprintf("timings read=%.4f compose=%.4f pdf=%.4f xlsx=%.4f write=%.4f total=%.4f pages=%d",
		t.Read.Seconds(), t.Compose.Seconds(), t.PDF.Seconds(), t.XLSX.Seconds(), t.Write.Seconds(), t.Total.Seconds(), t.Pages)
}

// Paper is one composed output of a job.
type Paper struct {
	Output job.Output
	Doc    *report.Document
}

// Compose composes every output of a loaded job. Papers are composed
// concurrently (at most GOMAXPROCS at once) and returned in the job's
// order; when several fail, the error of the first in that order is
// returned.
func Compose(l *Loaded) ([]Paper, error) {
	j := l.Job
	lib := compose.Library{UserDir: j.Templates, BaseDir: j.Dir}
	papers := make([]Paper, len(j.Outputs))
	errs := make([]error, len(j.Outputs))
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, o := range j.Outputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			papers[i], errs[i] = composeOne(l, lib, o)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return papers, nil
}

// composeOne composes one output of a loaded job.
func composeOne(l *Loaded, lib compose.Library, o job.Output) (Paper, error) {
	j := l.Job
	t, err := lib.Load(o.Template)
	if err != nil {
		return Paper{}, fmt.Errorf("%s: %s: %w", j.File, o.Name(), err)
	}
	title := o.Title
	if title == "" {
		title = j.Title
	}
	vars := map[string]string{}
	for k, v := range j.Vars {
		vars[k] = v
	}
	for k, v := range o.Vars {
		vars[k] = v
	}
	doc, err := compose.Compose(t, l.Plan, compose.Options{
		Title: title, Organisation: j.Organisation, Author: j.Author,
		Period: o.Period, Issues: o.Issues, Vars: vars,
		Name: fmt.Sprintf("%s: %s", j.File, o.Name()),
	})
	if err != nil {
		return Paper{}, err
	}
	return Paper{Output: o, Doc: doc}, nil
}

// Written describes one file a build wrote.
type Written struct {
	Path  string
	Info  render.Info
	Bytes int
}

// Build loads the job, stops with every problem printed when the input has
// errors, and otherwise writes each output in each of its formats. It prints
// one line per file written.
func Build(w io.Writer, jobPath string, opts BuildOptions) error {
	start := time.Now()
	tm := opts.Timings
	if tm == nil {
		tm = &Timings{}
	}
	l, err := Load(jobPath)
	if err != nil {
		return err
	}
	tm.Read = time.Since(start)
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return fmt.Errorf("%s: %d error(s), nothing written: %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	for _, pr := range l.Problems.List {
		fmt.Fprintf(w, "%s: %s\n", pr.Severity, pr)
	}
	if len(l.Job.Outputs) == 0 {
		return fmt.Errorf("%s: the job has no [[output]]: nothing to build", jobPath)
	}
	dir := l.Job.OutputDir
	if opts.OutputDir != "" {
		dir = opts.OutputDir
	}
	t0 := time.Now()
	papers, err := Compose(l)
	if err != nil {
		return err
	}
	tm.Compose = time.Since(t0)
	written, err := RenderAll(papers, dir, tm)
	if err != nil {
		return err
	}
	for _, f := range written {
		fmt.Fprintln(w, describe(f))
	}
	tm.Total = time.Since(start)
	return nil
}

// RenderAll renders each paper in each of its formats into dir. Each file
// is rendered straight into a temporary file in dir; only when every render
// has succeeded are the temporary files renamed into place, and on any
// failure they are all removed, so a failed build leaves dir as it was.
// Files are rendered concurrently (at most GOMAXPROCS at once) in the order
// of papers and formats, and each paper's document is released (its Doc set
// to nil in papers) as soon as its last format is done, so that a long
// build holds few documents at once. tm, when not nil, receives render
// timings.
func RenderAll(papers []Paper, dir string, tm *Timings) ([]Written, error) {
	type task struct {
		paper  int // index in papers
		name   string
		format string
		path   string
		r      format.Renderer
		tmp    string // the temporary file rendered into
		bytes  int
		info   render.Info
		took   time.Duration
		err    error
	}
	var tasks []*task
	left := make([]int, len(papers)) // formats still to render, per paper
	seen := map[string]string{}
	for i, p := range papers {
		for _, name := range p.Output.Formats {
			f, ok := format.Lookup(name)
			if !ok {
				return nil, fmt.Errorf("%s: unknown format %q (known: %s)", p.Output.Name(), name, format.Known())
			}
			path := filepath.Join(dir, p.Output.File+"."+f.Ext)
			if other, dup := seen[path]; dup {
				return nil, fmt.Errorf("%s and %s both write %s: give one of them another file name", other, p.Output.Name(), path)
			}
			seen[path] = p.Output.Name()
			tasks = append(tasks, &task{paper: i, name: p.Output.Name(), format: f.Name, path: path, r: f.Render})
			left[i]++
		}
	}
	if len(tasks) == 0 {
		return nil, nil
	}
	_, statErr := os.Stat(dir)
	created := errors.Is(statErr, fs.ErrNotExist)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	removeAll := func() { // best effort: the build has already failed
		for _, t := range tasks {
			if t.tmp != "" {
				_ = os.Remove(t.tmp)
			}
		}
		if created {
			_ = os.Remove(dir) // only if still empty
		}
	}
	// Workers take the tasks in order, so the formats of one paper run
	// together and its document can be let go before the next is started.
	var mu sync.Mutex // guards papers[i].Doc and left
	next := make(chan *task)
	var wg sync.WaitGroup
	for range min(max(1, runtime.GOMAXPROCS(0)), len(tasks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				mu.Lock()
				doc := papers[t.paper].Doc
				mu.Unlock()
				start := time.Now()
				t.tmp, t.bytes, t.info, t.err = renderToTemp(t.path, t.r, doc)
				t.took = time.Since(start)
				mu.Lock()
				if left[t.paper]--; left[t.paper] == 0 {
					papers[t.paper].Doc = nil
				}
				mu.Unlock()
			}
		}()
	}
	for _, t := range tasks {
		next <- t
	}
	close(next)
	wg.Wait()
	for _, t := range tasks {
		if t.err != nil {
			removeAll()
			return nil, fmt.Errorf("%s: %s: %w", t.name, t.format, t.err)
		}
		if tm != nil {
			switch t.format {
			case "pdf":
				tm.PDF += t.took
				tm.Pages += t.info.Pages
			case "xlsx":
				tm.XLSX += t.took
			}
		}
	}
	start := time.Now()
	var out []Written
	for i, t := range tasks {
		if err := os.Rename(t.tmp, t.path); err != nil {
			for _, u := range tasks[i:] {
				_ = os.Remove(u.tmp) // best effort: the build has already failed
			}
			return out, fmt.Errorf("writing %s: %w", t.path, err)
		}
		out = append(out, Written{Path: t.path, Info: t.info, Bytes: t.bytes})
	}
	if tm != nil {
		tm.Write = time.Since(start)
	}
	return out, nil
}

// renderToTemp renders doc with r into a new temporary file beside path
// (mode 0644) and returns its name and size. On failure the temporary file
// is removed and its name is "".
func renderToTemp(path string, r format.Renderer, doc *report.Document) (tmpName string, n int, info render.Info, err error) {
	if doc == nil {
		return "", 0, render.Info{}, errors.New("no document to render")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", 0, render.Info{}, err
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(name) // best effort: the error is what is reported
		}
	}()
	cw := &countingWriter{w: bufio.NewWriterSize(tmp, 256<<10)}
	if info, err = r(cw, doc); err != nil {
		return "", 0, render.Info{}, err
	}
	if err = cw.w.Flush(); err != nil {
		return "", 0, render.Info{}, fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return "", 0, render.Info{}, fmt.Errorf("writing %s: %w", name, err)
	}
	if err = tmp.Close(); err != nil {
		return "", 0, render.Info{}, fmt.Errorf("writing %s: %w", name, err)
	}
	return name, cw.n, info, nil
}

// countingWriter passes writes on to a buffered file and counts the bytes.
type countingWriter struct {
	w *bufio.Writer
	n int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}

func describe(f Written) string {
	var parts []string
	if f.Info.Pages > 0 {
		parts = append(parts, plural(f.Info.Pages, "page"))
	}
	if f.Info.Sheets > 0 {
		parts = append(parts, plural(f.Info.Sheets, "sheet"))
	}
	parts = append(parts, size(f.Bytes))
	return fmt.Sprintf("wrote %s (%s)", f.Path, strings.Join(parts, ", "))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
