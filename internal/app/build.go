package app

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/render/html"
	"github.com/agsreport/agsreport/internal/render/pdf"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/report"
)

// Renderer writes one document in one format.
type Renderer func(w io.Writer, doc *report.Document) (render.Info, error)

// Renderers is the registry of output formats, by the name a job uses in
// an output's formats. Adding a format is one renderer and one line here.
var Renderers = map[string]Renderer{
	"html": html.Render,
	"pdf":  pdf.Render,
	"xlsx": xlsx.Render,
}

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

// RenderAll renders each paper in each of its formats and writes the files
// into dir. Files are rendered concurrently, in memory; nothing is written
// unless every render succeeds. tm, when not nil, receives render timings.
func RenderAll(papers []Paper, dir string, tm *Timings) ([]Written, error) {
	type task struct {
		paper  Paper
		format string
		path   string
		r      Renderer
		data   []byte
		info   render.Info
		took   time.Duration
		err    error
	}
	var tasks []*task
	seen := map[string]string{}
	for _, p := range papers {
		for _, format := range p.Output.Formats {
			r, ok := Renderers[format]
			if !ok {
				return nil, fmt.Errorf("%s: unknown format %q (known: %s)", p.Output.Name(), format, strings.Join(Formats(), ", "))
			}
			path := filepath.Join(dir, p.Output.File+"."+format)
			if other, dup := seen[path]; dup {
				return nil, fmt.Errorf("%s and %s both write %s: give one of them another file name", other, p.Output.Name(), path)
			}
			seen[path] = p.Output.Name()
			tasks = append(tasks, &task{paper: p, format: format, path: path, r: r})
		}
	}
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for _, t := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			start := time.Now()
			var buf bytes.Buffer
			t.info, t.err = t.r(&buf, t.paper.Doc)
			t.data, t.took = buf.Bytes(), time.Since(start)
		}()
	}
	wg.Wait()
	for _, t := range tasks {
		if t.err != nil {
			return nil, fmt.Errorf("%s: %s: %w", t.paper.Output.Name(), t.format, t.err)
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
	for _, t := range tasks {
		if err := WriteFileAtomic(t.path, t.data); err != nil {
			return out, fmt.Errorf("writing %s: %w", t.path, err)
		}
		out = append(out, Written{Path: t.path, Info: t.info, Bytes: len(t.data)})
	}
	if tm != nil {
		tm.Write = time.Since(start)
	}
	return out, nil
}

// Formats lists the registered output formats.
func Formats() []string {
	var out []string
	for k := range Renderers {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
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
