package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/agsreport/agsreport/internal/returns"
	"github.com/agsreport/agsreport/internal/safefs"
)

// ReplacedFolder is the folder, inside the returns folder, where `returns
// -replace` keeps the returns it replaces.
const ReplacedFolder = "replaced"

// ReturnsOptions are the options of `agsreport returns`.
type ReturnsOptions struct {
	OutputDir string // default: the job's output folder, then "returns/<period>"
	Period    string // the period the returns collect; default the job's period
	Due       string // when the returns are due, in words, for the instructions
	// Replace replaces returns already in the folder that differ from what
	// would be written (an officer may have filled them in); the old ones
	// are kept in the folder's ReplacedFolder. Without it such returns
	// stop the command before anything is written.
	Replace bool
	// FS is the file system the returns are written through; nil is the
	// real one. Tests put one there that fails.
	FS safefs.FS
}

// Returns writes one progress-return workbook per lead officer with open
// actions, for the period the returns collect, all together or not at all.
// Errors in the input stop it before anything is written; so do return file
// names that are not valid on every system, a return that would write over
// one of the job's inputs, and (without opts.Replace) a return already in
// the folder that differs from the one that would be written. A return
// already there with the same content is left as it is.
func Returns(w io.Writer, jobPath string, opts ReturnsOptions) error {
	l, period, err := loadForPeriod(w, jobPath, opts.Period, "returns")
	if err != nil {
		return err
	}
	dir := opts.OutputDir
	if dir == "" {
		dir = filepath.Join(l.Job.OutputDir, "returns", returns.SafeName(period))
	}
	rs := returns.Plan(l.Plan, period)
	if len(rs) == 0 {
		fmt.Fprintf(w, "no open actions: no returns to write for %s\n", period)
		return nil
	}
	var paths []string
	var bad []error
	for _, r := range rs {
		p := filepath.Join(dir, r.File)
		if err := safefs.ValidPath(p); err != nil {
			bad = append(bad, fmt.Errorf("the return for %s: %w", r.Officer, err))
		}
		paths = append(paths, p)
	}
	if len(bad) > 0 {
		return errors.Join(bad...)
	}
	if err := notInputs(l.Job, paths, func(i int) string { return "the return for " + rs[i].Officer }); err != nil {
		return err
	}
	o := returns.Options{Period: period, Title: l.Job.Title, Org: l.Job.Organisation, Due: opts.Due}
	if !l.Plan.AsAt.IsZero() {
		o.Date = l.Plan.AsAt.Time()
	}
	type file struct {
		name string
		data []byte
		n    int
		same bool // the folder already holds this very return
	}
	var files []file
	var differ []string
	for i, r := range rs {
		data, err := returns.Workbook(r, l.Plan, o)
		if err != nil {
			return err
		}
		same, err := sameContent(paths[i], data, "a return")
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return err
		case !same:
			differ = append(differ, r.File)
		}
		files = append(files, file{r.File, data, len(r.Actions), same})
	}
	if len(differ) > 0 && !opts.Replace {
		return fmt.Errorf("%s already holds %s that differ from what would be written (an officer may have filled them in), so nothing was written:\n  %s\nCollect them first, or write the returns into another folder with -o; to replace them, run again with -replace (the old ones are then kept in %s)",
			dir, plural(len(differ), "return"), strings.Join(differ, "\n  "), filepath.Join(dir, ReplacedFolder))
	}
	b, err := safefs.Begin(opts.FS, dir, safefs.Options{Backup: ReplacedFolder})
	if err != nil {
		return err
	}
	for _, c := range b.Cleaned {
		fmt.Fprintf(w, "note: %s\n", c)
	}
	for _, f := range files {
		if f.same {
			continue
		}
		if err := writeAll(b, f.name, f.data); err != nil {
			b.Abort()
			return fmt.Errorf("writing %s: %w; nothing was changed in %s", b.Path(f.name), err, dir)
		}
	}
	if err := b.Commit(); err != nil {
		return err
	}
	for _, f := range files {
		switch {
		case f.same:
			fmt.Fprintf(w, "unchanged %s (%s)\n", b.Path(f.name), plural(f.n, "action"))
		case b.Kept[f.name] != "":
			fmt.Fprintf(w, "wrote %s (%s); the return it replaced is kept as %s\n", b.Path(f.name), plural(f.n, "action"), b.Kept[f.name])
		default:
			fmt.Fprintf(w, "wrote %s (%s)\n", b.Path(f.name), plural(f.n, "action"))
		}
	}
	return nil
}

// loadClean loads the job for a command that writes files from it: when
// the job or its workbooks have errors it prints the summary on w and
// returns an error wrapping ErrProblems, so that nothing is written.
func loadClean(w io.Writer, jobPath string) (*Loaded, error) {
	l, err := Load(jobPath)
	if err != nil {
		return nil, err
	}
	if l.Problems.Errors() > 0 {
		fmt.Fprint(w, Summary(l))
		return nil, fmt.Errorf("%s: %d error(s), nothing written: %w", jobPath, l.Problems.Errors(), ErrProblems)
	}
	return l, nil
}

// loadForPeriod loads the job as loadClean does for a command that
// writes forms for a period: the period given, or else the job's; neither
// is a usage error naming the command.
func loadForPeriod(w io.Writer, jobPath, period, command string) (*Loaded, string, error) {
	l, err := loadClean(w, jobPath)
	if err != nil {
		return nil, "", err
	}
	if period == "" {
		period = l.Job.Period
	}
	if period == "" {
		return nil, "", &UsageError{Msg: command + " needs a period: set period in the job file or pass -period"}
	}
	return l, period, nil
}

// sameContent reports whether the file at path holds exactly data. A file
// that is not there gives an error wrapping fs.ErrNotExist; anything there
// that is not a regular file is an error, saying it is in the way of what
// (the file to be written: "a return"). The file is opened once, without
// waiting, and checked on the open file (safefs.OpenRegular), so a FIFO
// put at path after the first look is refused, never waited on.
func sameContent(path string, data []byte, what string) (bool, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return false, err
	}
	if !st.Mode().IsRegular() {
		return false, fmt.Errorf("%s is in the way of %s: it is not a file (%s)", path, what, safefs.Kind(st.Mode()))
	}
	f, st, err := safefs.OpenRegular(path, "file")
	if errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	if err != nil {
		return false, fmt.Errorf("%s is in the way of %s: it %w", path, what, err)
	}
	defer f.Close() // read-only: nothing to lose
	if st.Size() != int64(len(data)) {
		return false, nil
	}
	old, err := io.ReadAll(io.LimitReader(f, int64(len(data))+1))
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return bytes.Equal(old, data), nil
}

// writeAll writes data as the batch's file name.
func writeAll(b *safefs.Batch, name string, data []byte) error {
	f, err := b.Create(name)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Close())
}
