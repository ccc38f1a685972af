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
