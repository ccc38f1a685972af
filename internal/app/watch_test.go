package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// syncBuffer is a buffer the watcher writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the output holds want n times, or fails.
func waitFor(t *testing.T, out *syncBuffer, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for strings.Count(out.String(), want) < n {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %q (%d times); the watch printed:\n%s", want, n, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// savePlan writes the plan workbook the way a spreadsheet program saves:
// a new file renamed over the old one.
func savePlan(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Actions"); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Actions", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	tmp := filepath.Join(filepath.Dir(path), "~$saving.xlsx")
	if err := f.SaveAs(tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestWatchRebuilds edits the plan workbook under a running watch and
// checks that the paper is rebuilt with what changed reported; that a
// broken workbook keeps the last good paper; that a half-written workbook
// is waited for; and that the watch stops cleanly.
func TestWatchRebuilds(t *testing.T) {
	dir := t.TempDir()
	plan := filepath.Join(dir, "plan.xlsx")
	header := []any{"Issue", "Action Ref", "Action", "Lead", "Target Date", "Status"}
	rows := [][]any{header,
		{"Contracts", "1(i)", "Review the contract register.", "AD Finance", "31/03/2025", "ONGOING"},
		{"Contracts", "1(ii)", "Train contract managers.", "AD People", "31/03/2025", "ON TARGET"},
	}
	savePlan(t, plan, rows)
	job := filepath.Join(dir, "report.toml")
	if err := os.WriteFile(job, []byte(`title = "Watched plan"
[plan]
workbook = "plan.xlsx"
[[output]]
template = "register"
file = "register"
formats = ["pdf"]
`), 0o644); err != nil {
		t.Fatal(err)
	}
	paper := filepath.Join(dir, "out", "register.pdf")

	out := &syncBuffer{}
	stop := make(chan struct{})
	done := make(chan error, 1)
	var rested atomic.Int32 // builds after which the watch rested
	go func() {
		done <- Watch(out, job, WatchOptions{Stop: stop, Debounce: 50 * time.Millisecond, Settle: 100 * time.Millisecond, SettleLimit: 5 * time.Second,
			Rested: func() { rested.Add(1) }})
	}()
	waitFor(t, out, "press Ctrl-C to stop", 1)
	if !strings.Contains(out.String(), "wrote "+paper) {
		t.Fatalf("the first build wrote no paper:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "watching "+job+": the job file and 1 workbook;") {
		t.Errorf("the watch does not say what it watches:\n%s", out.String())
	}
	first, err := os.ReadFile(paper)
	if err != nil {
		t.Fatal(err)
	}

	// An officer completes 1(ii) and adds an action.
	rows[2][5] = "COMPLETE"
	rows = append(rows, []any{"Contracts", "1(iii)", "Publish the register.", "AD Finance", "30/06/2025", "ONGOING"})
	savePlan(t, plan, rows)
	waitFor(t, out, "plan.xlsx changed: building again", 1)
	waitFor(t, out, "changes:", 1)
	for _, want := range []string{"  action 1(ii): ON TARGET → COMPLETE\n", "  action 1(iii): new (ONGOING)\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the watch did not report %q:\n%s", want, out.String())
		}
	}
	second, err := os.ReadFile(paper)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(first, second) {
		t.Error("the paper was not rebuilt")
	}

	// A broken workbook: the errors are printed, the paper stays.
	if err := os.WriteFile(plan+".tmp", []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(plan+".tmp", plan); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, "the last good ones are kept", 1)
	kept, err := os.ReadFile(paper)
	if err != nil || !bytes.Equal(kept, second) {
		t.Errorf("the last good paper was not kept (err %v)", err)
	}

	// A workbook still being written (its zip directory not there yet) is
	// waited for, then built.
	good := func() []byte {
		savePlan(t, filepath.Join(dir, "whole.xlsx"), rows)
		b, err := os.ReadFile(filepath.Join(dir, "whole.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}()
	if strings.Contains(out.String(), "waiting for") {
		t.Errorf("the watch waited for a file that is not a workbook at all:\n%s", out.String())
	}
	if err := os.WriteFile(plan, good[:len(good)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, "waiting for plan.xlsx to be saved completely", 1)
	if strings.Count(out.String(), "changed: building again") != 2 {
		t.Errorf("the watch built from a half-written workbook:\n%s", out.String())
	}
	if err := os.WriteFile(plan, good, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, out, "no change in pages, sheets or statuses", 1)

	close(stop)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Watch returned %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the watch did not stop")
	}
	if !strings.HasSuffix(out.String(), "stopped watching\n") {
		t.Errorf("the watch did not say it stopped:\n%s", out.String())
	}
	if n, want := int(rested.Load()), 1+strings.Count(out.String(), "changed: building again"); n != want {
		t.Errorf("Rested was called after %d builds, want all %d", n, want)
	}
}
