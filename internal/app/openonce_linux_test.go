package app

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// opens counts, through the kernel's inotify, every opening of a file in
// a folder tree while it watches: whatever path in agsreport opens a
// file, and however (os.Open, a library's own open), it is seen. Closings
// are watched too, though not counted: the kernel merges an event with an
// identical one just before it, so an open, close, open of one file would
// otherwise count once.
type opens struct {
	fd   int
	dirs map[int32]string // watch descriptor → folder
}

// watchOpens starts counting the openings of files under root.
func watchOpens(t *testing.T, root string) *opens {
	t.Helper()
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC | syscall.IN_NONBLOCK)
	if err != nil {
		t.Skip("no inotify here:", err)
	}
	o := &opens{fd: fd, dirs: map[int32]string{}}
	t.Cleanup(func() { _ = syscall.Close(fd) })
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		wd, err := syscall.InotifyAddWatch(fd, p, syscall.IN_OPEN|syscall.IN_CLOSE)
		o.dirs[int32(wd)] = p
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// counts returns, by path, how often each file was opened since the
// watch began or the last counts.
func (o *opens) counts(t *testing.T) map[string]int {
	t.Helper()
	n := map[string]int{}
	buf := make([]byte, 64<<10)
	for {
		k, err := syscall.Read(o.fd, buf)
		if errors.Is(err, syscall.EAGAIN) {
			return n
		}
		if err != nil {
			t.Fatal(err)
		}
		for ev := buf[:k]; len(ev) >= syscall.SizeofInotifyEvent; {
			wd := int32(binary.NativeEndian.Uint32(ev[0:]))
			mask := binary.NativeEndian.Uint32(ev[4:])
			size := int(binary.NativeEndian.Uint32(ev[12:]))
			name := string(bytes.TrimRight(ev[syscall.SizeofInotifyEvent:syscall.SizeofInotifyEvent+size], "\x00"))
			ev = ev[syscall.SizeofInotifyEvent+size:]
			if mask&syscall.IN_Q_OVERFLOW != 0 {
				t.Fatal("inotify's queue overflowed: opens were lost")
			}
			if mask&syscall.IN_OPEN != 0 && mask&syscall.IN_ISDIR == 0 && name != "" {
				n[filepath.Join(o.dirs[wd], name)]++
			}
		}
	}
}

// TestEachWorkbookOpenedOnce runs check, build, dump and returns on a
// job reading a plan, two returns and an approvals sheet, and checks that
// each of these workbooks is opened exactly once per command: the checks
// that a workbook is a regular file, telling its format apart and reading
// its sheets all use the one opened file.
func TestEachWorkbookOpenedOnce(t *testing.T) {
	job, sheet, base, write := approvalsCycle(t)
	dir := filepath.Dir(job)
	write("approvals = [" + quoteTOML(sheet) + "]\n" + base)
	var inputs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".xlsx") {
			inputs = append(inputs, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(inputs)
	if len(inputs) < 4 { // the plan, two returns and the approvals sheet
		t.Fatalf("the job folder holds only %q", inputs)
	}
	commands := []struct {
		name string
		run  func() error
	}{
		{"check", func() error { return Check(io.Discard, job) }},
		{"build", func() error { return Build(io.Discard, job, BuildOptions{OutputDir: t.TempDir()}) }},
		{"dump", func() error { return Dump(io.Discard, job, true) }},
		{"returns", func() error {
			return Returns(io.Discard, job, ReturnsOptions{OutputDir: t.TempDir(), Period: q4})
		}},
	}
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			o := watchOpens(t, dir)
			if err := c.run(); err != nil {
				t.Fatal(err)
			}
			n := o.counts(t)
			for _, p := range inputs {
				rel, _ := filepath.Rel(dir, p)
				if n[p] != 1 {
					t.Errorf("%s opened %s %d times, want once", c.name, rel, n[p])
				}
			}
		})
	}
}

// TestWholeOpensOnce checks that watch, waiting for a changed workbook to
// be saved completely, opens it once to see whether it is whole.
func TestWholeOpensOnce(t *testing.T) {
	dir, _, _ := requestedCycle(t)
	plan := filepath.Join(dir, "plan.xlsx")
	o := watchOpens(t, dir)
	if !whole(plan) {
		t.Fatal("a saved workbook is not whole")
	}
	if n := o.counts(t)[plan]; n != 1 {
		t.Errorf("whole opened the workbook %d times, want once", n)
	}
}
