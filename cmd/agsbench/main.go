// Command agsbench measures agsreport at scale: it writes synthetic plans of
// several sizes (agsreport sample), builds each one's full pack — Appendix
// B-style papers and the CMT briefing, as PDF and Excel — several times, and
// prints one table of median stage times, pages, peak resident memory and
// pages per second. Where LibreOffice is installed it also times
// `soffice --headless --convert-to pdf` of the 10,000-action workbook that
// agsreport wrote, in the same run, and prints the ratio.
//
//	go run ./cmd/agsbench -bin bin/agsreport [-sizes 1000,10000,100000] [-runs 5]
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "agsbench:", err)
		os.Exit(1)
	}
}

type result struct {
	actions                                   int
	pages                                     int
	read, compose, pdf, xlsx, total, wallTime float64 // median seconds
	cpu                                       float64 // median user + system CPU seconds of the whole process
	peakMB                                    float64 // median peak resident set, MiB
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("agsbench", flag.ContinueOnError)
	bin := fs.String("bin", "bin/agsreport", "the agsreport binary to measure")
	sizes := fs.String("sizes", "1000,10000,100000", "comma-separated numbers of actions")
	runs := fs.Int("runs", 5, "builds per size (the median is reported); the largest size gets at least 3")
	dir := fs.String("dir", filepath.Join(os.TempDir(), "agsbench"), "where the sample plans are written and built")
	officeSize := fs.Int("office", 10000, "the size whose workbook LibreOffice converts (0 to skip)")
	council := fs.String("council", "examples/cumbria-2017-18/report.toml", "a council-sized job whose cold build is timed as a whole process (\"\" to skip)")
	councilRuns := fs.Int("council-runs", 21, "cold builds of the council-sized job (the median is reported)")
	warm := fs.Bool("warm", true, "time warm rebuilds of the council-sized job inside one process (go test -bench BenchmarkRebuild; needs the go command and the source)")
	hostileOnly := fs.Bool("hostile", false, "measure only the hostile workbooks (see internal/sheet/hostile)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("bad size %q", s)
		}
		ns = append(ns, n)
	}
	binPath, err := filepath.Abs(*bin)
	if err != nil {
		return err
	}
	if _, err := os.Stat(binPath); err != nil {
		return fmt.Errorf("%s not found: run `make build` first", *bin)
	}
	fmt.Fprintf(w, "agsreport benchmark: %s, %d cores, %s/%s\n\n", cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	if *hostileOnly {
		return hostileWorkbooks(w, binPath, *dir)
	}
	if *council != "" {
		if err := coldBuilds(w, binPath, *council, *dir, *councilRuns); err != nil {
			return err
		}
	}
	if *warm {
		if err := warmRebuilds(w); err != nil {
			return err
		}
	}
	var results []result
	for _, n := range ns {
		sdir := filepath.Join(*dir, strconv.Itoa(n))
		if err := ensureSample(binPath, sdir, n); err != nil {
			return err
		}
		r := *runs
		if n >= 100000 {
			r = max(3, min(r, 3))
		}
		res, err := measure(binPath, sdir, n, r)
		if err != nil {
			return err
		}
		results = append(results, res)
		fmt.Fprintf(os.Stderr, "measured %d actions\n", n)
	}
	fmt.Fprintln(w, "| actions | pages | read s | compose s | PDF s | XLSX s | total s | wall s | CPU s | peak RSS MB | pages/s |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		fmt.Fprintf(w, "| %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f |\n",
			r.actions, r.pages, r.read, r.compose, r.pdf, r.xlsx, r.total, r.wallTime, r.cpu, r.peakMB, float64(r.pages)/r.total)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Stage times are medians; PDF and XLSX are summed render times of files rendered concurrently, so they can exceed their share of the total.")
	fmt.Fprintln(w, "Wall and CPU are of the whole process (start-up and exit included); CPU is user + system time on all cores.")
	for i := 1; i < len(results); i++ {
		a, b := results[i-1], results[i]
		fmt.Fprintf(w, "Scaling %d → %d actions (×%.0f): time ×%.1f, memory ×%.1f\n",
			a.actions, b.actions, float64(b.actions)/float64(a.actions), b.total/a.total, b.peakMB/a.peakMB)
	}
	if *officeSize > 0 {
		var ref *result
		for i := range results {
			if results[i].actions == *officeSize {
				ref = &results[i]
			}
		}
		if ref != nil {
			office(w, filepath.Join(*dir, strconv.Itoa(*officeSize)), *ref)
		}
	}
	// The hostile workbooks come last: this process makes them in memory
	// (the largest takes some 330 MB), and on Linux a child's peak RSS
	// starts from this process's own peak (the child starts in this
	// process's memory before exec), which would overstate every build
	// measured after them.
	fmt.Fprintln(w)
	return hostileWorkbooks(w, binPath, *dir)
}

func ensureSample(bin, dir string, n int) error {
	if _, err := os.Stat(filepath.Join(dir, "report.toml")); err == nil {
		return nil
	}
	cmd := exec.Command(bin, "sample", "-actions", strconv.Itoa(n), "-o", dir)
	cmd.Stderr = os.Stderr
	if out, err := cmd.Output(); err != nil {
		return fmt.Errorf("sample %d: %v\n%s", n, err, out)
	}
	return nil
}

func measure(bin, dir string, n, runs int) (result, error) {
	var reads, composes, pdfs, xlsxs, totals, walls, cpus, peaks []float64
	pages := 0
	for i := 0; i < runs; i++ {
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "build", "-timings", filepath.Join(dir, "report.toml"))
		cmd.Stdout = io.Discard
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return result{}, fmt.Errorf("build of %d actions: %v\n%s", n, err, stderr.String())
		}
		walls = append(walls, time.Since(start).Seconds())
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return result{}, errors.New("no resource usage on this system")
		}
		peaks = append(peaks, float64(ru.Maxrss)/1024) // KiB on Linux
		cpus = append(cpus, cpuSeconds(ru))
		t, err := parseTimings(stderr.String())
		if err != nil {
			return result{}, err
		}
		reads, composes, pdfs = append(reads, t["read"]), append(composes, t["compose"]), append(pdfs, t["pdf"])
		xlsxs, totals = append(xlsxs, t["xlsx"]), append(totals, t["total"])
		pages = int(t["pages"])
	}
	return result{actions: n, pages: pages, read: median(reads), compose: median(composes), pdf: median(pdfs),
		xlsx: median(xlsxs), total: median(totals), wallTime: median(walls), cpu: median(cpus), peakMB: median(peaks)}, nil
}

// coldBuilds times whole-process builds of a council-sized job, each a new
// process with nothing cached but what the operating system keeps, and
// prints the median wall and CPU time and peak memory.
func coldBuilds(w io.Writer, bin, jobPath, dir string, runs int) error {
	out := filepath.Join(dir, "council")
	var walls, cpus, peaks []float64
	for i := 0; i < runs; i++ {
		cmd := exec.Command(bin, "build", jobPath, "-o", out)
		cmd.Stdout = io.Discard
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("build of %s: %v\n%s", jobPath, err, stderr.String())
		}
		walls = append(walls, time.Since(start).Seconds())
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return errors.New("no resource usage on this system")
		}
		cpus = append(cpus, cpuSeconds(ru))
		peaks = append(peaks, float64(ru.Maxrss)/1024)
	}
	fmt.Fprintf(w, "Cold build of %s (a council-sized plan, every paper it lists), %d runs: median wall %.1f ms (fastest %.1f ms), CPU %.1f ms, peak RSS %.0f MB.\n",
		jobPath, runs, 1000*median(walls), 1000*slices.Min(walls), 1000*median(cpus), median(peaks))
	return nil
}

// warmRebuilds runs BenchmarkRebuild (internal/app): the Cumbria 2017-18
// example rebuilt again and again inside one process, as agsreport watch
// rebuilds it after each edit; three runs of 20 rebuilds, medians printed.
func warmRebuilds(w io.Writer) error {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkRebuild$", "-benchmem", "-benchtime", "20x", "-count", "3", "./internal/app")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go test -bench BenchmarkRebuild: %v\n%s%s", err, out, stderr.String())
	}
	walls, cpus, mbs, allocs, err := parseRebuilds(string(out))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Warm rebuild of the same example inside one process (BenchmarkRebuild, %d runs of 20): median wall %.1f ms, CPU %.1f ms, %.1f MB and %.0f allocations a rebuild.\n",
		len(walls), median(walls), median(cpus), median(mbs), median(allocs))
	fmt.Fprintln(w)
	return nil
}

// parseRebuilds reads the result lines of BenchmarkRebuild: wall and CPU
// milliseconds, megabytes and allocations per rebuild.
func parseRebuilds(out string) (walls, cpus, mbs, allocs []float64, err error) {
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkRebuild") {
			continue
		}
		units := map[string]float64{}
		for i := 3; i < len(f); i += 2 {
			v, perr := strconv.ParseFloat(f[i-1], 64)
			if perr != nil {
				return nil, nil, nil, nil, fmt.Errorf("bad benchmark line %q", line)
			}
			units[f[i]] = v
		}
		ns, ok := units["ns/op"]
		if !ok {
			return nil, nil, nil, nil, fmt.Errorf("bad benchmark line %q", line)
		}
		walls = append(walls, ns/1e6)
		cpus = append(cpus, units["cpu-ms/op"])
		mbs = append(mbs, units["B/op"]/(1<<20))
		allocs = append(allocs, units["allocs/op"])
	}
	if len(walls) == 0 {
		return nil, nil, nil, nil, fmt.Errorf("no BenchmarkRebuild result in:\n%s", out)
	}
	return walls, cpus, mbs, allocs, nil
}

func cpuSeconds(ru *syscall.Rusage) float64 {
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

func parseTimings(s string) (map[string]float64, error) {
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "timings ") {
			continue
		}
		out := map[string]float64{}
		for _, kv := range strings.Fields(line)[1:] {
			k, v, _ := strings.Cut(kv, "=")
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				return nil, fmt.Errorf("bad timings line %q", line)
			}
			out[k] = f
		}
		return out, nil
	}
	return nil, fmt.Errorf("no timings line in the build's output:\n%s", s)
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// office times LibreOffice converting the Appendix B workbook agsreport
// wrote for the reference size, and prints the ratio to agsreport's own
// full build of that plan.
func office(w io.Writer, dir string, ref result) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		fmt.Fprintln(w, "\nLibreOffice (soffice) is not installed: no comparison.")
		return
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "out", "Appendix B*.xlsx"))
	if len(matches) == 0 {
		fmt.Fprintln(w, "\nNo Appendix B workbook was written: no LibreOffice comparison.")
		return
	}
	outDir, err := os.MkdirTemp("", "agsbench-office")
	if err != nil {
		fmt.Fprintln(w, "\nLibreOffice comparison failed:", err)
		return
	}
	defer os.RemoveAll(outDir)
	profile := "file://" + filepath.Join(outDir, "profile")
	var times []float64
	for i := 0; i < 2; i++ { // the first run also sets up the profile; the faster is reported
		cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--convert-to", "pdf", "--outdir", outDir, matches[0])
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(w, "\nLibreOffice failed: %v\n%s", err, out)
			return
		}
		times = append(times, time.Since(start).Seconds())
	}
	sort.Float64s(times)
	pages := "?"
	if info, err := exec.Command("pdfinfo", filepath.Join(outDir, strings.TrimSuffix(filepath.Base(matches[0]), ".xlsx")+".pdf")).Output(); err == nil {
		for _, l := range strings.Split(string(info), "\n") {
			if strings.HasPrefix(l, "Pages:") {
				pages = strings.TrimSpace(strings.TrimPrefix(l, "Pages:"))
			}
		}
	}
	fmt.Fprintf(w, "\nLibreOffice printing the %d-action Appendix B workbook to PDF (%s pages): %.2f s.\n", ref.actions, pages, times[0])
	fmt.Fprintf(w, "agsreport's full build of the same plan (both papers, PDF and Excel): %.3f s; LibreOffice / agsreport = %.1f.\n", ref.total, times[0]/ref.total)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}
