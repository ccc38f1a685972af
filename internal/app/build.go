package app

import (
	"bufio"
	"errors"
	"fmt"
	"io"
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
	"github.com/agsreport/agsreport/internal/safefs"
)

// BuildOptions are the options of `agsreport build`.
type BuildOptions struct {
	OutputDir string // overrides the job's output folder when set
	// Timings, when set, receives how long each stage took.
	Timings *Timings
	// FS is the file system the papers are written through; nil is the
	// real one. Tests put one there that fails.
	FS safefs.FS
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
		Title: title, Organisation: j.Organisation, Author: j.Author, Language: j.Language,
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
	_, _, err := build(w, jobPath, opts)
	return err
}

// build is Build; it also returns what was loaded (nil when the job file
// could not be used) and the files written.
func build(w io.Writer, jobPath string, opts BuildOptions) (*Loaded, []Written, error) {
	start := time.Now()
	tm := opts.Timings
	if tm == nil {
		tm = &Timings{}
	}
	j, err := job.Load(jobPath)
	if err != nil {
		return nil, nil, err
	}
	dir := j.OutputDir
	if opts.OutputDir != "" {
		dir = opts.OutputDir
	}
	if err := preflight(j, dir); err != nil {
		return nil, nil, err
	}
	l, err := LoadJob(j)
	if err != nil {
		return nil, nil, err
	}
	tm.Read = time.Since(start)
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return l, nil, fmt.Errorf("%s: %d error(s), nothing written: %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	for _, pr := range l.Problems.List {
		fmt.Fprintf(w, "%s: %s\n", pr.Severity, pr)
	}
	if len(l.Job.Outputs) == 0 {
		return l, nil, fmt.Errorf("%s: the job has no [[output]]: nothing to build", jobPath)
	}
	t0 := time.Now()
	papers, err := Compose(l)
	if err != nil {
		return l, nil, err
	}
	tm.Compose = time.Since(t0)
	written, cleaned, err := RenderAll(opts.FS, papers, dir, tm)
	for _, c := range cleaned {
		fmt.Fprintf(w, "note: %s\n", c)
	}
	if err != nil {
		return l, nil, err
	}
	for _, f := range written {
		fmt.Fprintln(w, describe(f))
	}
	tm.Total = time.Since(start)
	return l, written, nil
}

// RenderAll renders each paper in each of its formats into dir, all
// together or not at all (see safefs.Batch): each file is rendered into a
// staging folder in dir, and only when every render has succeeded are the
// old papers moved aside and the new ones moved in; any failure, at any
// step, leaves dir exactly as it was. Files are rendered concurrently (at
// most GOMAXPROCS at once) in the order of papers and formats, and each
// paper's document is released (its Doc set to nil in papers) as soon as
// its last format is done, so that a long build holds few documents at
// once. fsys is the file system (nil for the real one); tm, when not nil,
// receives render timings. cleaned says what was tidied up after earlier
// runs that were stopped part-way.
func RenderAll(fsys safefs.FS, papers []Paper, dir string, tm *Timings) (written []Written, cleaned []string, err error) {
	type task struct {
		paper  int // index in papers
		name   string
		format string
		file   string
		r      format.Renderer
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
				return nil, nil, fmt.Errorf("%s: unknown format %q (known: %s)", p.Output.Name(), name, format.Known())
			}
			file := p.Output.File + "." + f.Ext
			key := strings.ToLower(file) // one file on a disk that ignores case
			if other, dup := seen[key]; dup {
				return nil, nil, fmt.Errorf("%s and %s both write %s: give one of them another file name", other, p.Output.Name(), filepath.Join(dir, file))
			}
			seen[key] = p.Output.Name()
			tasks = append(tasks, &task{paper: i, name: p.Output.Name(), format: f.Name, file: file, r: f.Render})
			left[i]++
		}
	}
	if len(tasks) == 0 {
		return nil, nil, nil
	}
	b, err := safefs.Begin(fsys, dir, safefs.Options{})
	if err != nil {
		return nil, nil, err
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
				t.bytes, t.info, t.err = renderTo(b, t.file, t.r, doc)
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
			b.Abort()
			return nil, b.Cleaned, fmt.Errorf("%s: %s: %w; nothing was changed in %s", t.name, t.format, t.err, dir)
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
	if err := b.Commit(); err != nil {
		return nil, b.Cleaned, err
	}
	for _, t := range tasks {
		written = append(written, Written{Path: b.Path(t.file), Info: t.info, Bytes: t.bytes})
	}
	if tm != nil {
		tm.Write = time.Since(start)
	}
	return written, b.Cleaned, nil
}

// renderTo renders doc with r into the batch's file name and returns its
// size.
func renderTo(b *safefs.Batch, name string, r format.Renderer, doc *report.Document) (n int, info render.Info, err error) {
	if doc == nil {
		return 0, render.Info{}, errors.New("no document to render")
	}
	f, err := b.Create(name)
	if err != nil {
		return 0, render.Info{}, err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing %s: %w", b.Path(name), cerr)
		}
	}()
	cw := &countingWriter{w: bufio.NewWriterSize(f, 256<<10)}
	if info, err = r(cw, doc); err != nil {
		return 0, render.Info{}, err
	}
	if err = cw.w.Flush(); err != nil {
		return 0, render.Info{}, fmt.Errorf("writing %s: %w", b.Path(name), err)
	}
	return cw.n, info, nil
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
