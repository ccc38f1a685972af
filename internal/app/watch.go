package app

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/agsreport/agsreport/internal/compose"
	"github.com/agsreport/agsreport/internal/job"
	"github.com/agsreport/agsreport/internal/plan"
	"github.com/agsreport/agsreport/internal/safefs"
)

// WatchOptions are the options of `agsreport watch`.
type WatchOptions struct {
	OutputDir string // overrides the job's output folder when set
	// Stop ends the watch when closed (Ctrl-C); nil watches until an error.
	Stop <-chan struct{}
	// Debounce is how long the inputs must be quiet before a rebuild, so
	// that one save (often several file events) gives one build; Settle is
	// how long a changed workbook's size and time must hold still, and
	// SettleLimit how long to wait for that at most. Zero means 400 ms,
	// 300 ms and 30 s.
	Debounce, Settle, SettleLimit time.Duration
	// Rested, when set, is called after each build, while nothing waits
	// on the process (cmd/agsreport collects garbage there: see package
	// gcfloor).
	Rested func()
}

// Watch builds the papers, then rebuilds them whenever the job file, a
// workbook it reads or a template changes, until opts.Stop is closed.
//
// Changes are debounced, and a changed workbook is waited for until it is
// whole (its size and time hold still and, for a workbook, its zip
// directory reads), so a paper is never built from a half-saved file. After
// each build Watch prints what changed in the papers: page and sheet
// counts, and actions whose status changed. A build whose inputs have
// errors prints them and writes nothing, so the last good papers stay as
// they were. Watch returns nil when stopped; it returns an error only when
// it cannot watch at all (the job file is missing or unreadable at the
// start, or the system refuses to watch).
func Watch(w io.Writer, jobPath string, opts WatchOptions) error {
	if opts.Debounce <= 0 {
		opts.Debounce = 400 * time.Millisecond
	}
	if opts.Settle <= 0 {
		opts.Settle = 300 * time.Millisecond
	}
	if opts.SettleLimit <= 0 {
		opts.SettleLimit = 30 * time.Second
	}
	if _, err := os.Stat(jobPath); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s: job file not found", jobPath)
		}
		return fmt.Errorf("%s: %w", jobPath, err)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching %s: %w", jobPath, err)
	}
	defer fw.Close()
	wt := &watcher{w: w, job: jobPath, opts: opts, fw: fw, dirs: map[string]bool{}, templates: compose.NewCache()}
	wt.rebuild(nil)
	fmt.Fprintf(w, "watching %s: %s; press Ctrl-C to stop\n", jobPath, wt.in.describe())

	var timer <-chan time.Time
	changed := map[string]bool{}
	for {
		select {
		case <-opts.Stop:
			fmt.Fprintln(w, "stopped watching")
			return nil
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod || !wt.in.relevant(ev.Name) || wt.wrote(ev.Name) {
				continue
			}
			changed[ev.Name] = true
			timer = time.After(opts.Debounce)
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(w, "warning: watching: %v\n", err)
		case <-timer:
			timer = nil
			paths := sortedNames(changed)
			changed = map[string]bool{}
			if !wt.settle(paths) {
				fmt.Fprintln(w, "stopped watching")
				return nil
			}
			wt.rebuild(paths)
		}
	}
}

// watcher is the state of one watch.
type watcher struct {
	w    io.Writer
	job  string
	opts WatchOptions
	fw   *fsnotify.Watcher
	dirs map[string]bool // folders being watched
	in   watched
	last *snapshot // what the last good build wrote; nil before one
	// templates keeps the compiled templates between rebuilds; a template
	// whose text changed is compiled again.
	templates *compose.Cache
}

// wrote reports whether path is a paper the last good build wrote, so that
// writing the papers never counts as a change to the inputs, wherever the
// papers go.
func (wt *watcher) wrote(path string) bool {
	if wt.last == nil {
		return false
	}
	p := abs(path)
	for _, f := range wt.last.files {
		if abs(f.Path) == p {
			return true
		}
	}
	return false
}

// rebuild builds the papers, prints what changed since the last good build,
// and watches the inputs the job now names. changed lists the files whose
// change started it (nil for the first build).
func (wt *watcher) rebuild(changed []string) {
	if wt.opts.Rested != nil {
		defer wt.opts.Rested()
	}
	if changed != nil {
		var names []string
		for _, p := range changed {
			names = append(names, wt.in.name(p))
		}
		fmt.Fprintf(wt.w, "\n%s changed: building again\n", strings.Join(names, ", "))
	}
	j, now, err := build(wt.w, wt.job, BuildOptions{OutputDir: wt.opts.OutputDir, Templates: wt.templates})
	if j == nil {
		if jj, jerr := job.Load(wt.job); jerr == nil {
			j = jj
		}
	}
	wt.watch(j)
	if err != nil {
		if !errors.Is(err, ErrProblems) {
			fmt.Fprintf(wt.w, "error: %v\n", err)
		}
		if wt.last != nil {
			fmt.Fprintln(wt.w, "the papers were not rebuilt: the last good ones are kept; fix the input and save it again")
		} else {
			fmt.Fprintln(wt.w, "no papers yet: fix the input and save it again")
		}
		return
	}
	if wt.last != nil {
		for _, line := range diff(wt.last, now) {
			fmt.Fprintln(wt.w, line)
		}
	}
	wt.last = now
}

// watch points the file watcher at the folders of the job's inputs (the
// folders rather than the files, because programs save a workbook by
// writing a new file and renaming it over the old one).
func (wt *watcher) watch(j *job.Job) {
	wt.in = collectInputs(wt.job, j, wt.opts.OutputDir)
	want := map[string]bool{}
	for d := range wt.in.dirs {
		want[d] = true
	}
	for d := range want {
		if wt.dirs[d] {
			continue
		}
		if err := wt.fw.Add(d); err != nil {
			fmt.Fprintf(wt.w, "warning: cannot watch %s: %v\n", d, err)
			continue
		}
		wt.dirs[d] = true
	}
	for d := range wt.dirs {
		if !want[d] {
			_ = wt.fw.Remove(d) // best effort: a folder that went away is no longer watched anyway
			delete(wt.dirs, d)
		}
	}
}

// settle waits until each changed file is whole: its size and time hold
// still for opts.Settle and, for a workbook, its zip directory reads. A
// file that went away counts as settled (the build will say it is
// missing). It gives up waiting after opts.SettleLimit. It returns false
// when the watch is stopped meanwhile.
func (wt *watcher) settle(paths []string) bool {
	deadline := time.Now().Add(wt.opts.SettleLimit)
	for _, p := range paths {
		said := false
		var prev os.FileInfo
		for {
			st, err := os.Stat(p)
			if err != nil {
				break
			}
			if prev != nil && st.Size() == prev.Size() && st.ModTime().Equal(prev.ModTime()) && whole(p) {
				break
			}
			if prev != nil && !said {
				fmt.Fprintf(wt.w, "waiting for %s to be saved completely\n", wt.in.name(p))
				said = true
			}
			if time.Now().After(deadline) {
				break
			}
			prev = st
			select {
			case <-wt.opts.Stop:
				return false
			case <-time.After(wt.opts.Settle):
			}
		}
	}
	return true
}

// whole reports whether the file at p can be read as a whole file: a
// workbook's zip directory is at its end, so it reads only once the
// workbook is completely written. A file that is not a zip at all, and
// other files, are taken as they are (the build reports what is wrong).
// The workbook is opened once, and only when it is a regular file (see
// safefs.OpenRegular), so a FIFO saved in its place never holds the watch.
func whole(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm":
		f, st, err := safefs.OpenRegular(p, "workbook")
		if err != nil {
			return true // gone, unreadable or no regular file: the build will say so
		}
		defer f.Close() // read-only: nothing to lose
		head := make([]byte, 4)
		if _, err := f.ReadAt(head, 0); err != nil || string(head) != "PK\x03\x04" {
			return true // not a zip at all: nothing to wait for, the build will say so
		}
		if _, err := zip.NewReader(f, st.Size()); err != nil {
			return false
		}
	}
	return true
}

// watched are the files a job reads, and the folders watched for them.
type watched struct {
	base   string          // the job's folder, for short names in messages
	files  map[string]bool // job file, workbooks, template files (absolute)
	dirs   map[string]bool // folders watched (absolute)
	globs  map[string]bool // folders whose new workbooks count (updates)
	tmpl   string          // the templates folder, or ""
	outDir string          // the papers' folder, whose changes never count
	count  int             // workbooks
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	return a
}

// collectInputs lists the inputs of j; with j nil (the job file cannot be
// read) only the job file is watched.
func collectInputs(jobPath string, j *job.Job, outDir string) watched {
	in := watched{base: abs(filepath.Dir(jobPath)), files: map[string]bool{}, dirs: map[string]bool{}, globs: map[string]bool{}}
	add := func(p string) {
		p = abs(p)
		in.files[p] = true
		in.dirs[filepath.Dir(p)] = true
	}
	add(jobPath)
	if j == nil {
		return in
	}
	in.outDir = abs(j.OutputDir)
	if outDir != "" {
		in.outDir = abs(outDir)
	}
	books := map[string]bool{}
	for _, f := range inputs(j) {
		add(f.path)
		if strings.HasPrefix(f.what, "the plan workbook") || strings.HasPrefix(f.what, "the update workbook") {
			books[abs(f.path)] = true
		}
	}
	in.count = len(books)
	for _, u := range j.Updates {
		for _, f := range u.Files {
			in.globs[filepath.Dir(abs(f.Path))] = true
		}
		for _, g := range u.Unmatched {
			if !filepath.IsAbs(g) {
				g = filepath.Join(j.Dir, g)
			}
			d := abs(filepath.Dir(g))
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				in.dirs[d] = true
				in.globs[d] = true
			}
		}
	}
	if j.Templates != "" {
		in.tmpl = abs(j.Templates)
		in.dirs[in.tmpl] = true
	}
	return in
}

// relevant reports whether a change to path is a change to an input.
func (in watched) relevant(path string) bool {
	p := abs(path)
	base := filepath.Base(p)
	if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
		return false // lock files of open workbooks, temporary files
	}
	if in.outDir != "" && (p == in.outDir || strings.HasPrefix(p, in.outDir+string(filepath.Separator))) {
		return false
	}
	if in.files[p] {
		return true
	}
	dir := filepath.Dir(p)
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm", ".csv":
		return in.globs[dir]
	case ".toml":
		return in.tmpl != "" && dir == in.tmpl
	}
	return false
}

// name is how messages name an input: relative to the job's folder.
func (in watched) name(p string) string {
	if r, err := filepath.Rel(in.base, abs(p)); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

// describe says what is watched, for the first message.
func (in watched) describe() string {
	var parts []string
	parts = append(parts, plural(in.count, "workbook"))
	if in.tmpl != "" {
		parts = append(parts, "the templates folder "+in.name(in.tmpl))
	}
	return "the job file and " + strings.Join(parts, " and ")
}

// snapshot is what a good build wrote, for telling what changed.
type snapshot struct {
	files  []Written
	status map[string]string // action ref → status
	refs   []string          // in plan order
}

// takeSnapshot takes the plan's part of a snapshot; the build adds the
// files it wrote.
func takeSnapshot(p *plan.Plan) *snapshot {
	s := &snapshot{status: map[string]string{}}
	for _, a := range p.Actions() {
		if _, dup := s.status[a.Ref]; !dup {
			s.refs = append(s.refs, a.Ref)
		}
		s.status[a.Ref] = a.Status
	}
	return s
}

// diff describes what changed from old to now: files with other page or
// sheet counts, files no longer written, and actions whose status changed,
// appeared or went.
func diff(old, now *snapshot) []string {
	var out []string
	before := map[string]Written{}
	for _, f := range old.files {
		before[f.Path] = f
	}
	for _, f := range now.files {
		b, ok := before[f.Path]
		delete(before, f.Path)
		switch {
		case !ok:
			out = append(out, "  new paper "+filepath.Base(f.Path))
		case f.Info.Pages != b.Info.Pages:
			out = append(out, fmt.Sprintf("  %s: %s, was %d", filepath.Base(f.Path), plural(f.Info.Pages, "page"), b.Info.Pages))
		case f.Info.Sheets != b.Info.Sheets:
			out = append(out, fmt.Sprintf("  %s: %s, was %d", filepath.Base(f.Path), plural(f.Info.Sheets, "sheet"), b.Info.Sheets))
		}
	}
	for _, p := range sortedNames(before) {
		out = append(out, "  no longer written: "+filepath.Base(p))
	}
	word := func(s string) string {
		if s == "" {
			return "no status"
		}
		return s
	}
	for _, ref := range now.refs {
		was, ok := old.status[ref]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("  action %s: new (%s)", ref, word(now.status[ref])))
		case was != now.status[ref]:
			out = append(out, fmt.Sprintf("  action %s: %s → %s", ref, word(was), word(now.status[ref])))
		}
	}
	for _, ref := range old.refs {
		if _, ok := now.status[ref]; !ok {
			out = append(out, fmt.Sprintf("  action %s: no longer in the plan", ref))
		}
	}
	if len(out) == 0 {
		return []string{"no change in pages, sheets or statuses"}
	}
	return append([]string{"changes:"}, out...)
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
