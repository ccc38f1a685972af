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
	// Templates, when set, keeps the compiled templates from one build to
	// the next (watch rebuilds with one); nil compiles each template once
	// per build.
	Templates *compose.Cache
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
	j, lib := l.Job, l.templates
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

// build is Build; it also returns the job (nil when the job file could not
// be used) and, when the papers were written, a snapshot of the build for
// `agsreport watch`. The plan is let go as soon as the last paper is
// composed, before the last renders end: a large build never holds the
// plan, every document and the renders' data at once.
func build(w io.Writer, jobPath string, opts BuildOptions) (*job.Job, *snapshot, error) {
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
	lib := templates(j, opts.Templates)
	if err := preflight(j, dir, lib); err != nil {
		return j, nil, err
	}
	l, err := loadJob(j, lib)
	if err != nil {
		return j, nil, err
	}
	tm.Read = time.Since(start)
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return j, nil, fmt.Errorf("%s: %d error(s), nothing written: %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	for _, pr := range l.Problems.List {
		fmt.Fprintf(w, "%s: %s\n", pr.Severity, pr)
	}
	if len(j.Outputs) == 0 {
		return j, nil, fmt.Errorf("%s: the job has no [[output]]: nothing to build", jobPath)
	}
	snap := takeSnapshot(l.Plan)
	l.Readings = nil // the account of each row read is for check -v only
	written, cleaned, err := renderPapers(opts.FS, j.Outputs, composer(l), dir, renderBudget, tm)
	for _, c := range cleaned {
		fmt.Fprintf(w, "note: %s\n", c)
	}
	if err != nil {
		return j, nil, err
	}
	for _, f := range written {
		fmt.Fprintln(w, describe(f))
	}
	snap.files = written
	tm.Total = time.Since(start)
	return j, snap, nil
}

// composer returns a function that composes output i of the loaded job,
// for renderPapers. It holds l only until every output has been asked
// for, so the plan can be collected while the last papers render.
func composer(l *Loaded) func(int) (*report.Document, error) {
	var mu sync.Mutex
	asked := 0
	lib := l.templates
	outs := l.Job.Outputs
	return func(i int) (*report.Document, error) {
		mu.Lock()
		src := l
		if asked++; asked == len(outs) {
			l = nil
		}
		mu.Unlock()
		p, err := composeOne(src, lib, outs[i])
		return p.Doc, err
	}
}

// RenderAll renders each paper in each of its formats into dir, all
// together or not at all (see safefs.Batch): each file is rendered into a
// staging folder in dir, and only when every render has succeeded are the
// old papers moved aside and the new ones moved in; any failure, at any
// step, leaves dir exactly as it was. Files are rendered concurrently as
// renderPapers schedules them, and each paper's document is released (its
// Doc set to nil in papers) as soon as its last format is done, so that a
// long build holds few documents at once. fsys is the file system (nil for
// the real one); tm, when not nil, receives render timings. cleaned says
// what was tidied up after earlier runs that were stopped part-way.
func RenderAll(fsys safefs.FS, papers []Paper, dir string, tm *Timings) (written []Written, cleaned []string, err error) {
	outs := make([]job.Output, len(papers))
	for i, p := range papers {
		outs[i] = p.Output
	}
	var mu sync.Mutex // guards papers[i].Doc
	docOf := func(i int) (*report.Document, error) {
		mu.Lock()
		defer mu.Unlock()
		d := papers[i].Doc
		papers[i].Doc = nil // the scheduler holds it from here
		return d, nil
	}
	return renderPapers(fsys, outs, docOf, dir, renderBudget, tm)
}

// renderPapers renders each output in each of its formats into dir, as
// RenderAll describes, getting each output's document from docOf (called
// once per output, just before its first render, from any goroutine) and
// letting it go after its last.
//
// Memory is what bounds a large build: a render holds, besides its
// document, data many times the document's size (see renderCost), and two
// large renders at once can double the peak. So renders run on at most
// GOMAXPROCS workers; a render starts beside others only when the
// estimated cost of all running renders stays within budget (renderBudget
// outside tests), and a render that is alone always starts; and the next
// paper is composed only when every render of the papers already composed
// has started (and at most GOMAXPROCS are open), so that no document waits
// in memory behind renders that cannot start yet. A small job is never
// held back; a large one runs its largest renders beside smaller ones
// rather than beside each other, and holds one or two documents at a time.
//
// When docOf fails for an output, no further render starts and the
// remaining outputs are still asked for their documents (and let go), so
// that the error returned is the first in the job's order whatever the
// timing: a document error before any render error.
func renderPapers(fsys safefs.FS, outs []job.Output, docOf func(int) (*report.Document, error), dir string, budget int64, tm *Timings) (written []Written, cleaned []string, err error) {
	type task struct {
		paper  int // index in outs
		name   string
		format string
		file   string
		r      format.Renderer
		cost   int64
		bytes  int
		info   render.Info
		took   time.Duration
		done   bool
		err    error
	}
	type paper struct {
		tasks []*task // in the order of the output's formats
		doc   *report.Document
		err   error
		left  int // formats not yet rendered
	}
	var tasks []*task
	papers := make([]*paper, len(outs))
	seen := map[string]string{}
	for i, o := range outs {
		papers[i] = &paper{}
		for _, name := range o.Formats {
			f, ok := format.Lookup(name)
			if !ok {
				return nil, nil, fmt.Errorf("%s: unknown format %q (known: %s)", o.Name(), name, format.Known())
			}
			file := o.File + "." + f.Ext
			key := strings.ToLower(file) // one file on a disk that ignores case
			if other, dup := seen[key]; dup {
				return nil, nil, fmt.Errorf("%s and %s both write %s: give one of them another file name", other, o.Name(), filepath.Join(dir, file))
			}
			seen[key] = o.Name()
			t := &task{paper: i, name: o.Name(), format: f.Name, file: file, r: f.Render}
			tasks = append(tasks, t)
			papers[i].tasks = append(papers[i].tasks, t)
			papers[i].left++
		}
	}
	if len(tasks) == 0 {
		return nil, nil, nil
	}
	b, err := safefs.Begin(fsys, dir, safefs.Options{})
	if err != nil {
		return nil, nil, err
	}
	workers := min(max(1, runtime.GOMAXPROCS(0)), len(tasks))
	var (
		mu      sync.Mutex // guards everything below and the papers
		wake    = sync.NewCond(&mu)
		opened  int   // papers whose document has been asked for
		open    int   // of those, papers with formats still to render
		running int64 // estimated cost of the renders under way
		busy    int   // renders under way
		failed  bool  // a document could not be had: start no render
		pending = len(tasks)
		// waiting counts the renders of open papers not yet started, those
		// of a paper being composed included: the next paper is composed
		// only when every render of the open ones has started, so that no
		// document waits in memory behind renders that cannot start yet.
		waiting int
	)
	// next returns the next piece of work: a render, or a paper to open
	// (task nil, paper >= 0); paper -1 and task nil mean no work is left.
	// It waits while work remains that cannot start yet.
	next := func() (*task, int) {
		for {
			if !failed {
				for _, pp := range papers[:opened] {
					if pp.doc == nil {
						continue
					}
					for _, c := range pp.tasks {
						if c.done {
							continue
						}
						if busy == 0 || running+c.cost <= budget {
							return c, -1
						}
					}
				}
			}
			if opened < len(papers) && (failed || open < workers && waiting == 0) {
				opened++
				open++
				waiting += len(papers[opened-1].tasks)
				return nil, opened - 1
			}
			if opened == len(papers) && (pending == 0 || failed && busy == 0) {
				return nil, -1
			}
			wake.Wait()
		}
	}
	var composing time.Duration
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				t, pi := next()
				switch {
				case t != nil:
					t.done = true // taken
					waiting--
					pp := papers[t.paper]
					doc := pp.doc
					running += t.cost
					busy++
					mu.Unlock()
					start := time.Now()
					t.bytes, t.info, t.err = renderTo(b, t.file, t.r, doc)
					t.took = time.Since(start)
					mu.Lock()
					running -= t.cost
					busy--
					pending--
					if pp.left--; pp.left == 0 {
						pp.doc = nil
						open--
					}
					wake.Broadcast()
				case pi >= 0:
					mu.Unlock()
					start := time.Now()
					doc, err := docOf(pi)
					if err == nil && doc == nil {
						err = fmt.Errorf("%s: no document to render", outs[pi].Name())
					}
					took := time.Since(start)
					mu.Lock()
					composing += took
					pp := papers[pi]
					if err != nil || failed || pp.left == 0 {
						pp.err = err
						failed = failed || err != nil
						pending -= pp.left
						waiting -= pp.left
						pp.left = 0
						open--
					} else {
						pp.doc = doc
						for _, c := range pp.tasks {
							c.cost = renderCost(c.format, doc)
						}
					}
					wake.Broadcast()
				default:
					wake.Broadcast()
					return
				}
			}
		}()
	}
	wg.Wait()
	if tm != nil {
		tm.Compose += composing
	}
	for _, pp := range papers {
		if pp.err != nil {
			b.Abort()
			return nil, b.Cleaned, pp.err
		}
	}
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

// renderBudget is the estimated cost (see renderCost) of the renders that
// may run at once when more than one runs. The four renders of the
// 10,000-action sample job (both papers as PDF and Excel) are estimated
// at about 180 MB together, so they run two at a time as the cores allow;
// each render of a 100,000-action job is estimated above it, so each runs
// alone: measured, that job's live heap peaked at 845 MB and its build
// took 10 times the CPU of the 10,000-action one (running its renders two
// at a time had raised the peak from 970 to 1,087 MB, a little earlier).
const renderBudget = 256 << 20

// bytesPerCell is, for each format, about how many bytes a render holds
// at its peak per table cell of the document, measured on the sample plan
// of 10,000 actions (the growth of the live heap while rendering each of
// its papers alone, with the collector run often, over the paper's
// cells; the larger of the two papers). Tables are nearly all of a large
// paper, so their cells are what the cost follows.
var bytesPerCell = map[string]int64{
	"pdf":  500,
	"xlsx": 200,
	"html": 200,
	"docx": 800,
}

// renderCost estimates the memory a render of doc in the format holds at
// its peak. A format not in bytesPerCell counts as the costliest.
func renderCost(format string, doc *report.Document) int64 {
	per, ok := bytesPerCell[format]
	if !ok {
		for _, v := range bytesPerCell {
			per = max(per, v)
		}
	}
	return per * int64(cellCount(doc))
}

// cellCount counts the cells of the document's tables.
func cellCount(doc *report.Document) int {
	n := 0
	for _, s := range doc.Sections {
		for _, bl := range s.Blocks {
			if t, ok := bl.(*report.Table); ok {
				for _, g := range t.Groups {
					for _, r := range g.Rows {
						n += len(r.Cells)
					}
				}
			}
		}
	}
	return n
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
