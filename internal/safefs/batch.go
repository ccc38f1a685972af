package safefs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// stagePrefix starts the name of the hidden folder a Batch stages its
// files in; the process id and a random part follow.
const stagePrefix = ".agsreport-staging-"

// journalName is the file, in the staging folder, that records which files
// a commit replaces and where the old ones went, so that a run killed
// while committing can be rolled back by the next.
const journalName = "journal.json"

// legacyTemp matches the temporary files earlier versions of agsreport
// wrote beside each paper (".NAME.pdf.tmp-123"); a killed run left them.
var legacyTemp = regexp.MustCompile(`^\..+\.(pdf|xlsx|html|docx)\.tmp-[0-9]+$`)

// Options change how a Batch treats the files it replaces.
type Options struct {
	// Backup, when set, is a folder inside the batch's folder where the
	// files a commit replaces are kept (with " (2)", " (3)" … added to a
	// name already there), instead of being deleted.
	Backup string
}

// Batch writes a set of files into one folder all together or not at all.
// Begin starts it, Create writes each file into a staging folder, and
// Commit puts them all in place; Abort, or any failure, leaves the folder
// exactly as it was. Create may be called from several goroutines.
type Batch struct {
	fs      FS
	dir     string
	stage   string // the staging folder, inside dir
	backup  string
	created bool // Begin created dir, so Abort removes it
	// madeBackup is set when Commit created the backup folder, so that a
	// rollback removes it again.
	madeBackup bool

	mu    sync.Mutex
	names []string
	seen  map[string]bool

	// Kept maps each file name whose old file Commit kept in the backup
	// folder to where it is kept.
	Kept map[string]string

	// Cleaned describes what Begin tidied up after earlier runs that were
	// stopped part-way, one sentence each, for the user to see.
	Cleaned []string
}

// journalEntry is one file of a commit: its name in the folder and, when
// it replaces a file, where the old one was moved (relative to the folder).
// Old is relative to the staging folder when Staged is set.
type journalEntry struct {
	Name   string `json:"name"`
	Old    string `json:"old,omitempty"`
	Staged bool   `json:"staged,omitempty"`
}

// Begin starts a batch of files for dir, creating dir when it does not
// exist. It first tidies up after earlier runs that were stopped part-way:
// their staging folders are rolled back (when they stopped while
// committing) and removed, and the temporary files of earlier versions are
// removed; Cleaned says what was done. A nil fsys is the real file system.
func Begin(fsys FS, dir string, opts Options) (*Batch, error) {
	if fsys == nil {
		fsys = OS{}
	}
	b := &Batch{fs: fsys, dir: dir, backup: opts.Backup, seen: map[string]bool{}}
	st, err := fsys.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := fsys.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", dir, err)
		}
		b.created = true
	case err != nil:
		return nil, err
	case st.Mode().IsRegular():
		return nil, fmt.Errorf("%s is a file, not a folder", dir)
	default:
		b.Cleaned = tidy(fsys, dir)
	}
	for i := 0; ; i++ {
		b.stage = filepath.Join(dir, fmt.Sprintf("%s%d-%08x", stagePrefix, os.Getpid(), rand.Uint32()))
		err := fsys.Mkdir(b.stage, 0o755)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrExist) || i == 100 {
			b.removeDir()
			return nil, fmt.Errorf("creating a staging folder in %s: %w", dir, err)
		}
	}
	if err := fsys.Mkdir(filepath.Join(b.stage, "new"), 0o755); err != nil {
		b.Abort()
		return nil, fmt.Errorf("creating a staging folder in %s: %w", dir, err)
	}
	return b, nil
}

// Path is where the file name will be once the batch is committed.
func (b *Batch) Path(name string) string { return filepath.Join(b.dir, name) }

// Create starts the file name of the batch, in the staging folder. The
// caller writes it and closes it before Commit.
func (b *Batch) Create(name string) (io.WriteCloser, error) {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		return nil, fmt.Errorf("%q is not a plain file name", name)
	}
	b.mu.Lock()
	dup := b.seen[name]
	b.seen[name] = true
	if !dup {
		b.names = append(b.names, name)
	}
	b.mu.Unlock()
	if dup {
		return nil, fmt.Errorf("%s is written twice", b.Path(name))
	}
	return b.fs.Create(filepath.Join(b.stage, "new", name))
}

// Abort removes the staging folder, and the batch's folder too when Begin
// created it and it is empty. The folder is left as it was before Begin.
func (b *Batch) Abort() {
	_ = b.fs.RemoveAll(b.stage) // best effort: a leftover is tidied by the next run
	if b.madeBackup {
		_ = b.fs.Remove(filepath.Join(b.dir, b.backup)) // only succeeds when empty
	}
	b.removeDir()
}

func (b *Batch) removeDir() {
	if b.created {
		_ = b.fs.Remove(b.dir) // only succeeds when empty
	}
}

// Commit puts every file of the batch in place: files already there are
// moved aside (into the backup folder when one is set), the new ones are
// moved in, and the old ones are then deleted (or kept as backups). When
// any step fails, what was done is undone, the folder is left as it was
// before Begin, and the error says which file could not be replaced. Should
// undoing fail as well, the error names where each old file is kept.
func (b *Batch) Commit() error {
	names := append([]string(nil), b.names...)
	sort.Strings(names)
	var old []string
	for _, n := range names {
		st, err := b.fs.Lstat(b.Path(n))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			b.Abort()
			return fmt.Errorf("%s: %w; nothing was changed", b.Path(n), err)
		case st.IsDir():
			b.Abort()
			return fmt.Errorf("%s is a folder, in the way of the file to write there; nothing was changed: move the folder, then run again", b.Path(n))
		default:
			old = append(old, n)
		}
	}
	dest, err := b.oldPlaces(old)
	if err != nil {
		b.Abort()
		return fmt.Errorf("%w; nothing was changed", err)
	}
	journal := make([]journalEntry, len(names))
	for i, n := range names {
		journal[i] = journalEntry{Name: n}
		if d, ok := dest[n]; ok {
			if b.backup == "" {
				journal[i].Old, journal[i].Staged = filepath.Join("old", n), true
			} else {
				journal[i].Old, _ = filepath.Rel(b.dir, d)
			}
		}
	}
	if err := b.writeJournal(journal); err != nil {
		b.Abort()
		return fmt.Errorf("writing in %s: %w; nothing was changed", b.dir, err)
	}
	var moved, placed []string
	fail := func(err error) error {
		if rerr := b.rollback(moved, placed, dest); rerr != nil {
			return fmt.Errorf("%w; undoing the change also failed: %w", err, rerr)
		}
		return fmt.Errorf("%w; nothing was changed", err)
	}
	for _, n := range old {
		if err := b.fs.Rename(b.Path(n), dest[n]); err != nil {
			return fail(fmt.Errorf("replacing %s: %w", b.Path(n), err))
		}
		moved = append(moved, n)
	}
	for _, n := range names {
		if err := b.fs.Rename(filepath.Join(b.stage, "new", n), b.Path(n)); err != nil {
			return fail(fmt.Errorf("writing %s: %w", b.Path(n), err))
		}
		placed = append(placed, n)
	}
	_ = b.fs.RemoveAll(b.stage) // best effort: a leftover is tidied by the next run
	if b.backup != "" {
		b.Kept = dest
	}
	return nil
}

// oldPlaces decides where each file to be replaced is moved: the backup
// folder under a name not yet taken there, or the staging folder.
func (b *Batch) oldPlaces(old []string) (map[string]string, error) {
	dest := map[string]string{}
	if len(old) == 0 {
		return dest, nil
	}
	if b.backup == "" {
		if err := b.fs.Mkdir(filepath.Join(b.stage, "old"), 0o755); err != nil {
			return nil, fmt.Errorf("writing in %s: %w", b.dir, err)
		}
		for _, n := range old {
			dest[n] = filepath.Join(b.stage, "old", n)
		}
		return dest, nil
	}
	bdir := filepath.Join(b.dir, b.backup)
	if _, err := b.fs.Lstat(bdir); errors.Is(err, fs.ErrNotExist) {
		b.madeBackup = true
	}
	if err := b.fs.MkdirAll(bdir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", bdir, err)
	}
	for _, n := range old {
		ext := filepath.Ext(n)
		stem := strings.TrimSuffix(n, ext)
		for i := 1; ; i++ {
			cand := n
			if i > 1 {
				cand = fmt.Sprintf("%s (%d)%s", stem, i, ext)
			}
			p := filepath.Join(bdir, cand)
			if _, err := b.fs.Lstat(p); errors.Is(err, fs.ErrNotExist) {
				dest[n] = p
				break
			} else if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
		}
	}
	return dest, nil
}

func (b *Batch) writeJournal(entries []journalEntry) error {
	data, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	w, err := b.fs.Create(filepath.Join(b.stage, journalName))
	if err != nil {
		return err
	}
	_, werr := w.Write(data)
	return errors.Join(werr, w.Close())
}

// rollback undoes a commit that failed part-way: the new files already
// placed are taken back and the old files put back where they were. When
// everything is back the staging folder is removed; otherwise it is kept,
// so that nothing is lost and the next run can finish the job.
func (b *Batch) rollback(moved, placed []string, dest map[string]string) error {
	var errs []error
	for i := len(placed) - 1; i >= 0; i-- {
		n := placed[i]
		if err := b.fs.Rename(b.Path(n), filepath.Join(b.stage, "new", n)); err != nil {
			errs = append(errs, fmt.Errorf("taking back the new %s: %w", b.Path(n), err))
		}
	}
	for i := len(moved) - 1; i >= 0; i-- {
		n := moved[i]
		if err := b.fs.Rename(dest[n], b.Path(n)); err != nil {
			errs = append(errs, fmt.Errorf("putting back %s (the old file is kept as %s): %w", b.Path(n), dest[n], err))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	b.Abort()
	return nil
}

// tidy rolls back and removes the staging folders that stopped runs left in
// dir, and removes the temporary files of earlier versions. A staging
// folder whose process is still running is left alone. It returns one
// sentence per thing done; failures are left for a later run.
func tidy(fsys FS, dir string) []string {
	entries, err := fsys.ReadDir(dir)
	if err != nil {
		return nil
	}
	var done []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, stagePrefix) && e.IsDir():
			pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(name, stagePrefix), "-", 2)[0])
			if err == nil && (pid == os.Getpid() || alive(pid)) {
				continue
			}
			done = append(done, recoverStage(fsys, dir, filepath.Join(dir, name))...)
		case legacyTemp.MatchString(name) && e.Type().IsRegular():
			if fsys.Remove(filepath.Join(dir, name)) == nil {
				done = append(done, fmt.Sprintf("removed %s, a temporary file left by a run that was stopped", filepath.Join(dir, name)))
			}
		}
	}
	return done
}

// recoverStage finishes what a stopped run left in its staging folder: when
// it stopped while committing (its journal is written and some new files
// were not yet moved in), the old files are put back and the new ones taken
// out; then the folder is removed.
func recoverStage(fsys FS, dir, stage string) []string {
	var done []string
	data, err := fsys.ReadFile(filepath.Join(stage, journalName))
	var journal []journalEntry
	if err == nil && json.Unmarshal(data, &journal) == nil {
		left := map[string]bool{}
		if es, err := fsys.ReadDir(filepath.Join(stage, "new")); err == nil {
			for _, e := range es {
				left[e.Name()] = true
			}
		}
		if len(left) > 0 { // stopped while committing: roll back
			for _, e := range journal {
				if e.Name != filepath.Base(e.Name) || strings.Contains(e.Old, "..") {
					continue // not written by agsreport
				}
				target := filepath.Join(dir, e.Name)
				switch {
				case e.Old != "":
					old := filepath.Join(dir, e.Old)
					if e.Staged {
						old = filepath.Join(stage, e.Old)
					}
					if _, err := fsys.Lstat(old); err == nil && fsys.Rename(old, target) == nil {
						done = append(done, fmt.Sprintf("put back %s, which a run that was stopped had begun to replace", target))
					}
				case !left[e.Name]:
					if fsys.Remove(target) == nil {
						done = append(done, fmt.Sprintf("removed %s, written by a run that was stopped before it finished", target))
					}
				}
			}
		}
	}
	if fsys.RemoveAll(stage) == nil {
		done = append(done, fmt.Sprintf("removed %s, the staging folder of a run that was stopped", stage))
	}
	return done
}
