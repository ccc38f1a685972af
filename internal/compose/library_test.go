package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLibraryOverridesAndFiles(t *testing.T) {
	user := t.TempDir()
	own := "description = \"our own appendix\"\n[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"Ours\"\n"
	if err := os.WriteFile(filepath.Join(user, "appendix-b.toml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	jobDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(jobDir, "mine.toml"), []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := "[[section]]\n[[section.block]]\ntype = \"heading\"\ncolour = \"red\"\n"
	if err := os.WriteFile(filepath.Join(user, "broken.toml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	lib := Library{UserDir: user, BaseDir: jobDir}
	tests := []struct {
		name, template, wantDesc, wantErr string
	}{
		{"user folder overrides a built-in", "appendix-b", "our own appendix", ""},
		{"built-in used when the user has none", "appendix-a", "Annual Governance Statement action plan: progress on a governance issue", ""},
		{"a file next to the job", "mine.toml", "our own appendix", ""},
		{"a missing file", "theirs.toml", "", `template file "theirs.toml" not found`},
		{"a user template with an unknown key", "broken", "", filepath.Join(user, "broken.toml") + `: line 4: unknown key "section.block.colour" (keys of [[section.block]]: ` + templateKeys("section", "block") + ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm, err := lib.Load(tt.template)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tm.Description != tt.wantDesc {
				t.Errorf("description %q, want %q", tm.Description, tt.wantDesc)
			}
			if !strings.HasSuffix(tt.template, tm.Name) && !strings.HasPrefix(tt.template, tm.Name) {
				t.Errorf("name %q", tm.Name)
			}
		})
	}
}

// TestLibraryCache checks that a library with a cache compiles a template
// once while its text stays the same, compiles it again when the text
// changes (a template edited during watch), keeps templates with the same
// name from different places apart, and never caches a broken one.
func TestLibraryCache(t *testing.T) {
	user := t.TempDir()
	path := filepath.Join(user, "mine.toml")
	write := func(desc string) {
		t.Helper()
		own := "description = \"" + desc + "\"\n[[section]]\n[[section.block]]\ntype = \"heading\"\ntext = \"Ours\"\n"
		if err := os.WriteFile(path, []byte(own), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first")
	lib := Library{UserDir: user, Cache: NewCache()}
	load := func(l Library, name string) *Template {
		t.Helper()
		tm, err := l.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	a, b := load(lib, "mine"), load(lib, "mine")
	if a != b {
		t.Error("the same text was compiled twice")
	}
	if c := load(Library{UserDir: user}, "mine"); c == a {
		t.Error("a library without a cache returned a cached template")
	}
	write("second")
	if c := load(lib, "mine"); c == a || c.Description != "second" {
		t.Errorf("after the edit: description %q, same template %v", c.Description, c == a)
	}
	if f := load(Library{BaseDir: user, Cache: lib.Cache}, "mine.toml"); f.Source == load(lib, "mine").Source {
		t.Error("the file by path and the user folder's template share an entry")
	}
	if err := os.WriteFile(path, []byte("[[section]]\n[[section.block]]\ntype = \"nope\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := lib.Load("mine"); err == nil {
			t.Error("a broken template loaded")
		}
	}
	for i := range cacheLimit + 5 {
		write(strings.Repeat("x", i+1))
		load(lib, "mine")
	}
	if n := len(lib.Cache.m); n > cacheLimit {
		t.Errorf("the cache holds %d templates, more than %d", n, cacheLimit)
	}
}
