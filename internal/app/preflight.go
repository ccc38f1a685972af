package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/format"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/safefs"
	"github.com/agsreport/agsreport/internal/sheet"
)

// input is one file a job reads, and how messages name it.
type input struct {
	path string
	what string
}

// inputs lists every file the job reads: the job file, the plan's
// workbooks, the update workbooks, the templates its outputs name as files,
// and every file in its templates folder.
func inputs(j *job.Job) []input {
	out := []input{{j.File, "the job file"}}
	for _, t := range []*sheet.TableSpec{j.Plan.Issues, j.Plan.Outcomes, j.Plan.Recommendations, j.Plan.Actions} {
		if t != nil {
			out = append(out, input{t.Path, fmt.Sprintf("the plan workbook %q", t.Name)})
		}
	}
	for _, u := range j.Updates {
		for _, f := range u.Files {
			out = append(out, input{f.Path, fmt.Sprintf("the update workbook %q", f.Name)})
		}
	}
	for _, a := range j.Approvals {
		out = append(out, input{a.Path, fmt.Sprintf("the approvals workbook %q", a.Name)})
	}
	for _, o := range j.Outputs {
		if strings.HasSuffix(o.Template, ".toml") {
			p := o.Template
			if !filepath.IsAbs(p) {
				p = filepath.Join(j.Dir, p)
			}
			out = append(out, input{p, fmt.Sprintf("the template %q", o.Template)})
		}
	}
	if j.Templates != "" {
		entries, _ := os.ReadDir(j.Templates) // a missing folder is reported by the job
		for _, e := range entries {
			out = append(out, input{filepath.Join(j.Templates, e.Name()), fmt.Sprintf("a file in the templates folder (%s)", e.Name())})
		}
	}
	return out
}

// notInputs returns an error naming every path of paths that is one of the
// job's inputs. Files are compared by identity (os.SameFile), which sees
// through links, hard links, and names that differ only in case on a disk
// that ignores case. whose names the writer of each path, for messages.
func notInputs(j *job.Job, paths []string, whose func(i int) string) error {
	ins := inputs(j)
	stats := make([]os.FileInfo, len(ins))
	for i, in := range ins {
		stats[i], _ = os.Stat(in.path) // an input that is not there is reported when it is read
	}
	var errs []error
	for i, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue // not there yet, so not an input
		}
		for k, in := range ins {
			if stats[k] != nil && os.SameFile(st, stats[k]) {
				errs = append(errs, fmt.Errorf("%s would write %s, which is %s: agsreport never writes over its inputs; give the output another file name or folder", whose(i), p, in.what))
				break
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s: %w", j.File, errors.Join(errs...))
	}
	return nil
}

// notReadBack returns an error for each path that an [[updates]] pattern
// of the job matches: a paper written there would be read as a return by
// the next run.
func notReadBack(j *job.Job, paths []string, whose func(int) string) []error {
	var errs []error
	for i, p := range paths {
		for _, u := range j.Updates {
			for k, pat := range u.Resolved {
				if ok, _ := filepath.Match(pat, p); ok {
					errs = append(errs, fmt.Errorf("%s: %s would write %s, where [[updates]] number %d reads returns (%q): the next run would read the paper as a return; give the output another folder", j.File, whose(i), p, u.Index, u.Patterns[k]))
				}
			}
		}
	}
	return errs
}

// paperPaths lists the files a build of j writes into dir, and which
// output writes each.
func paperPaths(j *job.Job, dir string) (paths []string, whose func(int) string) {
	var names []string
	for _, o := range j.Outputs {
		for _, name := range o.Formats {
			f, ok := format.Lookup(name)
			if !ok {
				continue // reported by the job
			}
			paths = append(paths, filepath.Join(dir, o.File+"."+f.Ext))
			names = append(names, o.Name())
		}
	}
	return paths, func(i int) string { return names[i] }
}

// preflight checks, before any workbook is read, what a build of j into dir
// needs: every paper's path is valid on every system, no output is one of
// the job's inputs, and every template exists and compiles. All problems are returned together.
func preflight(j *job.Job, dir string, lib compose.Library) error {
	paths, whose := paperPaths(j, dir)
	var terrs []error
	for i, p := range paths {
		if err := safefs.ValidPath(p); err != nil {
			terrs = append(terrs, fmt.Errorf("%s: %s: %w", j.File, whose(i), err))
		}
	}
	terrs = append(terrs, notReadBack(j, paths, whose)...)
	err := notInputs(j, paths, whose)
	loaded := map[string]bool{}
	for _, o := range j.Outputs {
		if loaded[o.Template] {
			continue
		}
		loaded[o.Template] = true
		if _, err := lib.Load(o.Template); err != nil {
			terrs = append(terrs, fmt.Errorf("%s: %s: %w", j.File, o.Name(), err))
		}
	}
	return errors.Join(append([]error{err}, terrs...)...)
}
