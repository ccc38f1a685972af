package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/agsreport/agsreport/internal/sheet/hostile"
)

// The bounds the README states for reading a workbook within agsreport's
// limits, which every hostile workbook must also stay within.
// Time is CPU time (user and system, all cores), which other work on the
// machine does not inflate as it does wall time.
const (
	hostileMaxCPU = 10.0
	hostileMaxMB  = 1024.0
)

// hostileWorkbooks runs agsreport check on each workbook of the hostile
// corpus and reports its wall time and peak memory against the bounds,
// and whether check gave the expected message and exit code 1. It returns
// an error when any case breaks a bound or gives another message.
func hostileWorkbooks(w io.Writer, bin, dir string) error {
	fmt.Fprintf(w, "Hostile workbooks (agsreport check on each; bounds: %.0f s of CPU, %.0f MB):\n\n", hostileMaxCPU, hostileMaxMB)
	fmt.Fprintln(w, "| workbook | file KB | wall s | CPU s | peak RSS MB | message as expected |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---|")
	var failed []string
	for _, c := range hostile.Cases() {
		cdir := filepath.Join(dir, "hostile", strings.NewReplacer(" ", "-", ",", "").Replace(c.Name))
		if err := os.MkdirAll(cdir, 0o755); err != nil {
			return err
		}
		data, err := c.Make()
		if err != nil {
			return fmt.Errorf("%s: %v", c.Name, err)
		}
		if err := os.WriteFile(filepath.Join(cdir, "plan.xlsx"), data, 0o644); err != nil {
			return err
		}
		size := len(data)
		job := "title = \"Hostile workbook\"\n\n[plan]\nworkbook = \"plan.xlsx\"\n\n[[output]]\ntemplate = \"appendix-b\"\n"
		if err := os.WriteFile(filepath.Join(cdir, "report.toml"), []byte(job), 0o644); err != nil {
			return err
		}
		// The child's peak memory counts this process's own until it starts
		// agsreport, so give back what making the workbook took.
		data = nil
		debug.FreeOSMemory()
		cmd := exec.Command(bin, "check", filepath.Join(cdir, "report.toml"))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err = cmd.Run()
		wall := time.Since(start).Seconds()
		var exit *exec.ExitError
		code := 0
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			return fmt.Errorf("%s: %v", c.Name, err)
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return errors.New("no resource usage on this system")
		}
		peak := float64(ru.Maxrss) / 1024
		cpu := cpuSeconds(ru)
		asExpected := code == 1 && strings.Contains(out.String(), "error: plan.xlsx: "+c.Want+"\n")
		mark := "yes"
		if !asExpected {
			mark = "NO"
			failed = append(failed, fmt.Sprintf("%s: exit %d, output:\n%s", c.Name, code, out.String()))
		}
		if cpu > hostileMaxCPU || peak > hostileMaxMB {
			mark += ", OVER BOUND"
			failed = append(failed, fmt.Sprintf("%s: %.2f s of CPU, %.0f MB", c.Name, cpu, peak))
		}
		fmt.Fprintf(w, "| %s | %d | %.3f | %.3f | %.0f | %s |\n", c.Name, (size+1023)/1024, wall, cpu, peak, mark)
	}
	fmt.Fprintln(w)
	if len(failed) > 0 {
		return fmt.Errorf("hostile workbooks:\n%s", strings.Join(failed, "\n"))
	}
	return nil
}
