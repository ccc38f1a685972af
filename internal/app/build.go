package app

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/render"
	"github.com/agsreport/agsreport/internal/render/pdf"
	"github.com/agsreport/agsreport/internal/render/xlsx"
	"github.com/agsreport/agsreport/internal/report"
)

// Renderer writes one document in one format.
type Renderer func(w io.Writer, doc *report.Document) (render.Info, error)

// Renderers is the registry of output formats, by the name a job uses in
// an output's formats. Adding a format is one renderer and one line here.
var Renderers = map[string]Renderer{
	"pdf":  pdf.Render,
	"xlsx": xlsx.Render,
}

// BuildOptions are the options of `agsreport build`.
type BuildOptions struct {
	OutputDir string // overrides the job's output folder when set
}

// Paper is one composed output of a job.
type Paper struct {
	Output job.Output
	Doc    *report.Document
}

// Compose composes every output of a loaded job.
func Compose(l *Loaded) ([]Paper, error) {
	j := l.Job
	lib := compose.Library{UserDir: j.Templates, BaseDir: j.Dir}
	var papers []Paper
	for _, o := range j.Outputs {
		t, err := lib.Load(o.Template)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", j.File, o.Name(), err)
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
			return nil, err
		}
		papers = append(papers, Paper{Output: o, Doc: doc})
	}
	return papers, nil
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
	l, err := Load(jobPath)
	if err != nil {
		return err
	}
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
	papers, err := Compose(l)
	if err != nil {
		return err
	}
	written, err := RenderAll(papers, dir)
	if err != nil {
		return err
	}
	for _, f := range written {
		fmt.Fprintln(w, describe(f))
	}
	return nil
}

// RenderAll renders each paper in each of its formats and writes the files
// into dir. Every file is rendered in memory first; nothing is written
// unless all renders succeed.
func RenderAll(papers []Paper, dir string) ([]Written, error) {
	type file struct {
		path string
		data []byte
		info render.Info
	}
	var files []file
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
			var buf bytes.Buffer
			info, err := r(&buf, p.Doc)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %w", p.Output.Name(), format, err)
			}
			files = append(files, file{path: path, data: buf.Bytes(), info: info})
		}
	}
	var out []Written
	for _, f := range files {
		if err := WriteFileAtomic(f.path, f.data); err != nil {
			return out, fmt.Errorf("writing %s: %w", f.path, err)
		}
		out = append(out, Written{Path: f.path, Info: f.info, Bytes: len(f.data)})
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
