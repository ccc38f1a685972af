package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("dir", "examples", "the examples directory to write the workbooks into")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes every example workbook under dir, which must exist, and says
// which files changed.
func run(dir string) error {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s is not a directory: run from the repository root or pass -dir", dir)
	}
	changed, err := generate(dir)
	if err != nil {
		return err
	}
	for _, p := range changed {
		fmt.Println("wrote", filepath.Join(dir, p))
	}
	if len(changed) == 0 {
		fmt.Println("all example workbooks are up to date")
	}
	return nil
}

// generate writes every workbook of books() under dir, creating folders as
// needed, and returns the paths (relative to dir) whose bytes changed. A
// file is written to a temporary name and renamed, so a failed run leaves
// no half-written workbook.
func generate(dir string) ([]string, error) {
	m, err := newMeasurer()
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, b := range books() {
		data, err := b.bytes(m)
		if err != nil {
			return changed, err
		}
		path := filepath.Join(dir, filepath.FromSlash(b.Path))
		old, err := os.ReadFile(path)
		if err == nil && bytes.Equal(old, data) {
			continue
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return changed, fmt.Errorf("%s: %w", b.Path, err)
		}
		if err := writeFile(path, data); err != nil {
			return changed, fmt.Errorf("%s: %w", b.Path, err)
		}
		changed = append(changed, b.Path)
	}
	return changed, nil
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gen-*.xlsx")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
