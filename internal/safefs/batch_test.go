package safefs

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"

	"github.com/agsreport/agsreport/internal/testutil"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// stageAll begins a batch in dir and writes each file of files into it.
// It returns the first error, having aborted the batch on a write error as
// a caller would.
func stageAll(fsys FS, dir string, opts Options, files map[string]string) (*Batch, error) {
	b, err := Begin(fsys, dir, opts)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := b.Create(n)
		if err == nil {
			_, err = io.WriteString(w, files[n])
			if cerr := w.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			b.Abort()
			return nil, err
		}
	}
	return b, nil
}

var (
	oldPapers = map[string]string{"a.pdf": "old a", "b.pdf": "old b", "notes.txt": "the user's own"}
	newPapers = map[string]string{"a.pdf": "new a", "b.pdf": "new b", "c.pdf": "new c"}
)

// TestBatchAllOrNothing makes each step of writing a set of papers fail in
// turn and checks that the folder is then exactly as it was: the same
// files with the same contents, and no staging folder left.
func TestBatchAllOrNothing(t *testing.T) {
	cases := []struct {
		name    string
		fs      Faulty
		inWay   string // a folder made where a new file goes
		wantErr string // "" for success
	}{
		{name: "every step succeeds"},
		{name: "a folder in the way", inWay: "c.pdf", wantErr: "c.pdf is a folder, in the way of the file to write there; nothing was changed"},
		{name: "the folder is read-only", fs: Faulty{Fail: FailOn("mkdir", stagePrefix)}, wantErr: "creating a staging folder in"},
		{name: "the disk is full", fs: Faulty{Full: 3}, wantErr: "no space left on device"},
		{name: "a file cannot be staged", fs: Faulty{Fail: FailOn("create", "b.pdf")}, wantErr: "permission denied"},
		{name: "the journal cannot be written", fs: Faulty{Fail: FailOn("create", journalName)}, wantErr: "nothing was changed"},
		{name: "an old paper cannot be moved aside", fs: Faulty{Fail: FailOn("rename", "/b.pdf -> ")}, wantErr: "replacing "},
		{name: "the last new paper cannot be moved in", fs: Faulty{Fail: FailOn("rename", "new/c.pdf ->")}, wantErr: "c.pdf: permission denied; nothing was changed"},
		{name: "a paper open in another program", fs: Faulty{Fail: FailOn("rename", "new/b.pdf ->")}, wantErr: "b.pdf: permission denied; nothing was changed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, oldPapers)
			if tc.inWay != "" {
				if err := os.Mkdir(filepath.Join(dir, tc.inWay), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			before := testutil.Snapshot(t, dir)
			b, err := stageAll(tc.fs, dir, Options{}, newPapers)
			if err == nil {
				err = b.Commit()
			}
			after := testutil.Snapshot(t, dir)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]string{"notes.txt": "the user's own"}
				for n, s := range newPapers {
					want[n] = s
				}
				check := t.TempDir()
				writeFiles(t, check, want)
				if after != testutil.Snapshot(t, check) {
					t.Errorf("folder after the commit:\n%s\nwant:\n%s", after, testutil.Snapshot(t, check))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, tc.wantErr)
			}
			if after != before {
				t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestBatchNewFolder checks that a failed batch removes the folder it
// created, and a successful one leaves only its files.
func TestBatchNewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := stageAll(Faulty{Full: 2}, dir, Options{}, newPapers); err == nil {
		t.Fatal("a full disk should fail")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the output folder is left behind: %v", err)
	}
}

// TestBatchRollbackFails checks that when putting the old files back fails
// too, the error says where the old files are, and the next run puts them
// back and removes the staging folder.
func TestBatchRollbackFails(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, oldPapers)
	before := testutil.Snapshot(t, dir)
	broken := true
	fsys := Faulty{Fail: func(op, path string) error {
		// c.pdf cannot be moved in, and then nothing can be moved back:
		// as when the disk goes away, or the run is killed.
		if broken && op == "rename" && (strings.Contains(path, "new/c.pdf ->") || strings.Contains(strings.Split(path, " -> ")[0], "/old/")) {
			return &fs.PathError{Op: op, Path: path, Err: syscall.EIO}
		}
		return nil
	}}
	b, err := stageAll(fsys, dir, Options{}, newPapers)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Commit()
	if err == nil || !strings.Contains(err.Error(), "undoing the change also failed") || !strings.Contains(err.Error(), "the old file is kept as") {
		t.Fatalf("error %v", err)
	}
	// The next run is another process: give the leftover a dead one's id.
	leftover := b.stage
	dead := filepath.Join(dir, stagePrefix+"999999999-0")
	if err := os.Rename(leftover, dead); err != nil {
		t.Fatal(err)
	}
	broken = false
	next, err := Begin(nil, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	next.Abort()
	if after := testutil.Snapshot(t, dir); after != before {
		t.Errorf("the next run did not restore the folder:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if got := strings.Join(next.Cleaned, "\n"); !strings.Contains(got, "put back") || !strings.Contains(got, "removed "+dead) {
		t.Errorf("cleaned: %s", got)
	}
}

// TestBatchTidiesKilledRuns checks that the staging folders and temporary
// files that killed runs left behind are removed by the next run, and that
// a staging folder of a run still going is left alone.
func TestBatchTidiesKilledRuns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.pdf":                               "paper",
		".a.pdf.tmp-123456":                   "half a paper",
		".Appendix 1B.xlsx.tmp-99":            "half a workbook",
		".Briefing.docx.tmp-7":                "half a document",
		".notes.txt.tmp-1":                    "not agsreport's",
		stagePrefix + "999999999-1/new/a.pdf": "staged",
		stagePrefix + "999999998-2/new/b.pdf": "staged",
		stagePrefix + fmt.Sprint(os.Getpid()) + "-3/new/c.pdf": "a run still going",
	})
	b, err := Begin(nil, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b.Abort()
	want := t.TempDir()
	writeFiles(t, want, map[string]string{
		"a.pdf":            "paper",
		".notes.txt.tmp-1": "not agsreport's",
		stagePrefix + fmt.Sprint(os.Getpid()) + "-3/new/c.pdf": "a run still going",
	})
	if got, w := testutil.Snapshot(t, dir), testutil.Snapshot(t, want); got != w {
		t.Errorf("after tidying:\n%s\nwant:\n%s", got, w)
	}
	if len(b.Cleaned) != 5 {
		t.Errorf("cleaned %d things, want 5: %q", len(b.Cleaned), b.Cleaned)
	}
}

// TestBatchBackup checks that replaced files are kept in the backup folder
// under names not taken yet, and that a failed commit removes the backup
// folder it made.
func TestBatchBackup(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"r.xlsx": "filled in", "replaced/r.xlsx": "an older one"})
	b, err := stageAll(nil, dir, Options{Backup: "replaced"}, map[string]string{"r.xlsx": "blank"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	want := t.TempDir()
	writeFiles(t, want, map[string]string{"r.xlsx": "blank", "replaced/r.xlsx": "an older one", "replaced/r (2).xlsx": "filled in"})
	if got, w := testutil.Snapshot(t, dir), testutil.Snapshot(t, want); got != w {
		t.Errorf("after replacing:\n%s\nwant:\n%s", got, w)
	}

	dir = t.TempDir()
	writeFiles(t, dir, map[string]string{"r.xlsx": "filled in"})
	before := testutil.Snapshot(t, dir)
	b, err = stageAll(Faulty{Fail: FailOn("rename", "new/r.xlsx ->")}, dir, Options{Backup: "replaced"}, map[string]string{"r.xlsx": "blank"})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err == nil {
		t.Fatal("the commit should fail")
	}
	if after := testutil.Snapshot(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
