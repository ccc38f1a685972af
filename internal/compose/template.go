package compose

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"

	"github.com/agsreport/agsreport/internal/report"
	"github.com/agsreport/agsreport/internal/safefs"
	"github.com/agsreport/agsreport/internal/tomlx"
	"github.com/agsreport/agsreport/templates"
)

// Template is a decoded, compiled paper template.
type Template struct {
	Name        string // the name it was found by
	Source      string // where it was read from, for messages
	Description string
	// Title names the paper in its file's metadata (what a PDF reader
	// shows in its title bar and a screen reader announces first), with
	// placeholders; "" means the job's title.
	Title    string
	Page     PageT
	Style    StyleT
	Header   RunningT
	Footer   RunningT
	Sections []SectionT

	compiled map[string]*template.Template // placeholder texts, by source
	fast     map[string]*fastText          // the compiled texts that need no template execution
	file     *tomlx.File                   // the decoded file, to locate texts in messages
}

// PageT is the template's page setup.
type PageT struct {
	Size        string    `toml:"size"`        // a report.Papers name, any case; "" is A4
	Orientation string    `toml:"orientation"` // "landscape" (default) or "portrait"
	Margins     []float64 `toml:"margins"`     // mm: top, right, bottom, left
}

// StyleT is the template's type sizes and colours.
type StyleT struct {
	FontSize      float64   `toml:"font_size"`
	TableFontSize float64   `toml:"table_font_size"`
	HeadingSizes  []float64 `toml:"heading_sizes"`
	HeaderFill    string    `toml:"header_fill"`
	HeaderColour  string    `toml:"header_colour"`
	BandFill      string    `toml:"band_fill"`
	RuleColour    string    `toml:"rule_colour"`
}

// RunningT is a running header or footer; each slot is a placeholder text
// that may also use {page} and {pages}.
type RunningT struct {
	Left   string `toml:"left"`
	Centre string `toml:"centre"`
	Right  string `toml:"right"`
}

// SectionT is a run of blocks starting on a new page. Each is "" (the
// section is composed once) or "issue" (once per selected issue, with
// .Issue set).
type SectionT struct {
	Each   string   `toml:"each"`
	Name   string   `toml:"name"`
	Blocks []BlockT `toml:"block"`
}

// BlockT is one block of a section. Type selects which keys apply:
//
//   - "heading": level, text, bookmark
//   - "paragraph": text, small
//   - "fields": [[…field]] with label, value, stacked, optional
//   - "table": rows ("actions" or "issues"), filter, group_by ("outcome",
//     "theme", "issue" or none), band, bookmark (per group), [[…column]],
//     empty, name, flat (a data table: one record per row, no merged
//     columns and no grouping, each cell whole)
//   - "status_summary": a table of status counts per issue, with totals
//   - "status_chart": a stacked bar chart of status by issue; title
//   - "status_key": the key of status colours; title
//
// Any block may have "when", a placeholder text: the block is left out when
// it comes out empty or "false".
type BlockT struct {
	Type     string    `toml:"type"`
	When     string    `toml:"when"`
	Level    int       `toml:"level"`
	Text     string    `toml:"text"`
	Bookmark string    `toml:"bookmark"`
	Small    bool      `toml:"small"`
	Fields   []FieldT  `toml:"field"`
	Name     string    `toml:"name"`
	Rows     string    `toml:"rows"`
	Filter   string    `toml:"filter"`
	Order    string    `toml:"order"`
	GroupBy  string    `toml:"group_by"`
	Band     string    `toml:"band"`
	Columns  []ColumnT `toml:"column"`
	Empty    string    `toml:"empty"`
	Title    string    `toml:"title"`
	Flat     bool      `toml:"flat"`
	// Split prints each group of a grouped table as a table of its own:
	// the group's band becomes a heading (at Level, default 2) above a
	// table with its own header row, as a plan kept as one table per theme
	// is printed.
	Split bool `toml:"split"`
}

// FieldT is a label–value line. An optional field is left out when its
// value is empty.
type FieldT struct {
	Label    string `toml:"label"`
	Value    string `toml:"value"`
	Stacked  bool   `toml:"stacked"`
	Optional bool   `toml:"optional"`
}

// ColumnT is a table column. Value is the cell's placeholder text. Merge
// merges a run of cells with the same value (or the same MergeKey, when
// given) down into one tall cell. Status makes it a status column: cells are
// filled with the status colour. Spans says whether a lead, target or
// resources value that the plan merges over several actions prints once,
// spanning them: "source" (the default) or "none". Type "date" marks a column of dates: a
// value that is one date ("31 March 2018", "31/03/2018") is typed as that
// date for spreadsheets; other values ("As required") stay text. Type
// "percent" types a value that is one percentage ("85%") as that number,
// shown as a percentage; type "priority" types a priority (1/2/3 or
// High/Medium/Low) as its rank, shown as written, so that the column sorts
// highest first. Type "plain" prints the value as written, with no inline
// markup: a title that starts "– " or has asterisks in it is not a bullet
// or emphasis, and reads back from a spreadsheet as written.
type ColumnT struct {
	Title    string  `toml:"title"`
	Value    string  `toml:"value"`
	Width    float64 `toml:"width"`
	Align    string  `toml:"align"`
	Merge    bool    `toml:"merge"`
	MergeKey string  `toml:"merge_key"`
	Status   bool    `toml:"status"`
	Type     string  `toml:"type"`
	Spans    string  `toml:"spans"`
}

// spanFields maps the column values that show one action field to the
// field's name in plan.Action.Merged.
var spanFields = map[string]string{
	"{{.Action.Lead}}":        "lead",
	"{{.Action.Target.Text}}": "target",
	revisedOrTarget:           "target",
	"{{.Action.Resources}}":   "resources",
}

// revisedOrTarget is the target as committee papers print it: the note of
// a revised target, or the target as written.
const revisedOrTarget = "{{with .Action.RevisedNote}}*{{.}}*{{else}}{{.Action.Target.Text}}{{end}}"

// sourceField returns the action field whose spans in the plan the column
// follows, or "": with spans = "source", or by default, a column showing
// exactly one of spanFields prints a value the plan merges over several
// actions once, spanning them; spans = "none" prints it on every row.
func (col ColumnT) sourceField() string {
	if col.Spans == "none" || col.Merge {
		return ""
	}
	return spanFields[strings.TrimSpace(col.Value)]
}

type templateFile struct {
	Description string     `toml:"description"`
	Title       string     `toml:"title"`
	Page        PageT      `toml:"page"`
	Style       StyleT     `toml:"style"`
	Header      RunningT   `toml:"header"`
	Footer      RunningT   `toml:"footer"`
	Sections    []SectionT `toml:"section"`
}

// Library finds templates by name: first in the user's folder (when set),
// then among the built-ins. A name ending in ".toml" is a file path.
type Library struct {
	UserDir string // "" for none
	BaseDir string // relative template file paths are resolved against it
	// Cache, when set, keeps the templates compiled, so that a template
	// read again with the same text is not compiled again.
	Cache *Cache
}

// Cache holds compiled templates by where they were read from and their
// text. It is safe for concurrent use; the templates it hands out are
// shared and must not be modified (compose never does).
type Cache struct {
	mu sync.Mutex
	m  map[string]*Template
}

// cacheLimit bounds a cache: a long watch session sees a new text at
// every save of a template.
const cacheLimit = 64

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]*Template{}} }

func (c *Cache) get(key string) *Template {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[key]
}

func (c *Cache) put(key string, t *Template) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= cacheLimit {
		clear(c.m)
	}
	c.m[key] = t
}

// Names lists the built-in template names.
func Names() []string {
	entries, _ := fs.ReadDir(templates.FS, ".")
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			out = append(out, strings.TrimSuffix(e.Name(), ".toml"))
		}
	}
	sort.Strings(out)
	return out
}

// Load finds, decodes and compiles the named template.
func (l Library) Load(name string) (*Template, error) {
	var data []byte
	var source string
	switch {
	case strings.HasSuffix(name, ".toml"):
		p := name
		if !filepath.IsAbs(p) && l.BaseDir != "" {
			p = filepath.Join(l.BaseDir, p)
		}
		if err := safefs.Regular(p, "template"); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("template file %q not found", name)
			}
			return nil, fmt.Errorf("template file %q %w", name, err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("template file %q not found", name)
		}
		data, source = b, name
	default:
		if l.UserDir != "" {
			p := filepath.Join(l.UserDir, name+".toml")
			if err := safefs.Regular(p, "template"); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("template %q %w", p, err)
			}
			if b, err := os.ReadFile(p); err == nil {
				data, source = b, p
			} else if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("template %q: %w", p, err)
			}
		}
		if data == nil {
			b, err := fs.ReadFile(templates.FS, name+".toml")
			if err != nil {
				return nil, fmt.Errorf("unknown template %q (built-in templates: %s)", name, strings.Join(Names(), ", "))
			}
			data, source = b, "built-in template "+name+".toml"
		}
	}
	key := source + "\x00" + string(data)
	if l.Cache != nil {
		if t := l.Cache.get(key); t != nil {
			return t, nil
		}
	}
	t, err := Parse(source, data)
	if err != nil {
		return nil, err
	}
	t.Name = strings.TrimSuffix(filepath.Base(name), ".toml")
	if l.Cache != nil {
		l.Cache.put(key, t)
	}
	return t, nil
}

// Parse decodes and compiles a template; source names it in messages. Every
// problem is reported with its line: unknown keys, unknown block types, bad
// placeholders.
func Parse(source string, data []byte) (*Template, error) {
	var f templateFile
	file, err := tomlx.Decode(source, data, &f)
	if err != nil {
		return nil, err
	}
	t := &Template{Source: source, Description: f.Description, Title: f.Title, Page: f.Page, Style: f.Style,
		Header: f.Header, Footer: f.Footer, Sections: f.Sections}
	c := compiler{file: file}
	switch strings.ToLower(t.Page.Orientation) {
	case "", "landscape", "portrait":
	default:
		file.Errorf(toml.Key{"page", "orientation"}, "orientation must be \"landscape\" or \"portrait\", not %q", t.Page.Orientation)
	}
	if _, ok := report.LookupPaper(t.Page.Size); !ok {
		file.Errorf(toml.Key{"page", "size"}, "page size must be %s, not %q", report.PaperNames(), t.Page.Size)
	}
	for _, c := range []struct{ key, v string }{{"header_fill", t.Style.HeaderFill}, {"header_colour", t.Style.HeaderColour},
		{"band_fill", t.Style.BandFill}, {"rule_colour", t.Style.RuleColour}} {
		if c.v != "" && !report.IsColour(c.v) {
			file.Errorf(toml.Key{"style", c.key}, "%s %q is not a colour of the form \"#RRGGBB\"", c.key, c.v)
		}
	}
	if n := len(t.Page.Margins); n != 0 && n != 4 {
		file.Errorf(toml.Key{"page", "margins"}, "margins are four numbers in mm: top, right, bottom, left")
	}
	for _, r := range []struct {
		key string
		r   RunningT
	}{{"header", t.Header}, {"footer", t.Footer}} {
		c.text(toml.Key{r.key}, r.r.Left, r.r.Centre, r.r.Right)
	}
	c.text(toml.Key{"title"}, t.Title)
	if len(t.Sections) == 0 {
		file.Errorf(nil, "the template has no [[section]]")
	}
	for i := range t.Sections {
		s := &t.Sections[i]
		sk := toml.Key{"section"}
		switch s.Each {
		case "", "issue":
		default:
			file.Errorf(append(sk, "each"), "section %d: each must be \"issue\" or left out, not %q", i+1, s.Each)
		}
		c.text(append(sk, "name"), s.Name)
		for j := range s.Blocks {
			c.block(i, j, &s.Blocks[j])
		}
	}
	if err := file.Err(); err != nil {
		return nil, err
	}
	t.compiled = c.compiled
	t.file = file
	t.fast = map[string]*fastText{}
	for src, tm := range t.compiled {
		if ft := compileFast(tm); ft != nil {
			t.fast[src] = ft
		}
	}
	return t, nil
}

type compiler struct {
	file     *tomlx.File
	compiled map[string]*template.Template
}

// text compiles placeholder texts, recording errors at key.
func (c *compiler) text(key toml.Key, texts ...string) {
	if c.compiled == nil {
		c.compiled = map[string]*template.Template{}
	}
	for _, s := range texts {
		if _, ok := c.compiled[s]; ok || !strings.Contains(s, "{{") {
			continue
		}
		t, err := template.New(key.String()).Funcs(funcs).Option("missingkey=error").Parse(s)
		if err != nil {
			msg := err.Error()
			line := 1
			// "template: NAME:LINE: message" — LINE is within the text.
			if m := parseErrLine.FindStringSubmatch(msg); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
			if m := startedAt.FindStringSubmatch(msg); m != nil {
				// "unclosed action started at NAME:LINE": where it starts.
				line, _ = strconv.Atoi(m[1])
				msg = strings.TrimSuffix(msg, m[0])
			}
			if i := strings.LastIndex(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			c.file.ErrorfAt(key, s, line, "bad placeholder in %q: %s", short(s), msg)
			continue
		}
		if errs := checkFields(t, s); len(errs) > 0 {
			for _, e := range errs {
				c.file.ErrorfAt(key, s, e.line, "bad placeholder in %q: %s", short(s), e.msg)
			}
			continue
		}
		c.compiled[s] = t
	}
}

// parseErrLine finds the line number in a text/template parse error.
var (
	parseErrLine = regexp.MustCompile(`^template: [^:]*:(\d+):`)
	startedAt    = regexp.MustCompile(` started at [^:]*:(\d+)$`)
)

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

var blockTypes = []string{"heading", "paragraph", "fields", "table", "status_summary", "status_chart", "status_key"}

func (c *compiler) block(si, bi int, b *BlockT) {
	key := toml.Key{"section", "block"}
	where := fmt.Sprintf("section %d, block %d", si+1, bi+1)
	c.text(append(key, "when"), b.When)
	switch b.Type {
	case "heading":
		if b.Level < 1 || b.Level > 3 {
			if b.Level == 0 {
				b.Level = 1
			} else {
				c.file.Errorf(append(key, "level"), "%s: heading level must be 1, 2 or 3", where)
			}
		}
		c.text(append(key, "text"), b.Text, b.Bookmark)
	case "paragraph":
		c.text(append(key, "text"), b.Text)
	case "fields":
		if len(b.Fields) == 0 {
			c.file.Errorf(append(key, "field"), "%s: fields block has no [[…field]]", where)
		}
		for _, f := range b.Fields {
			c.text(append(key, "field"), f.Label, f.Value)
		}
	case "table":
		switch b.Rows {
		case "actions", "issues":
		default:
			c.file.Errorf(append(key, "rows"), "%s: rows must be \"actions\" or \"issues\", not %q", where, b.Rows)
		}
		if b.Order != "" && b.Order != "priority" {
			c.file.Errorf(append(key, "order"), "%s: order must be \"priority\" (highest first) or left out (the plan's order), not %q", where, b.Order)
		}
		if b.Filter != "" && !contains(Filters, b.Filter) {
			c.file.Errorf(append(key, "filter"), "%s: unknown filter %q (known: %s)", where, b.Filter, strings.Join(Filters, ", "))
		}
		switch b.GroupBy {
		case "", "outcome", "theme", "issue", "recommendation":
		default:
			c.file.Errorf(append(key, "group_by"), "%s: group_by must be outcome, theme, issue or recommendation, not %q", where, b.GroupBy)
		}
		if len(b.Columns) == 0 {
			c.file.Errorf(append(key, "column"), "%s: table has no [[…column]]", where)
		}
		if b.Split && b.GroupBy == "" {
			c.file.Errorf(append(key, "split"), "%s: split prints one table per group and needs group_by", where)
		}
		if b.Flat && b.GroupBy != "" {
			c.file.Errorf(append(key, "group_by"), "%s: a flat table has one record per row and cannot be grouped", where)
		}
		c.text(append(key, "band"), b.Band, b.Bookmark, b.Empty, b.Name)
		for _, col := range b.Columns {
			ck := append(key, "column")
			c.text(ck, col.Title, col.Value, col.MergeKey)
			switch col.Align {
			case "", "left", "centre", "center", "right":
			default:
				c.file.Errorf(append(ck, "align"), "%s: align must be left, centre or right, not %q", where, col.Align)
			}
			if col.Width < 0 {
				c.file.Errorf(append(ck, "width"), "%s: width must be positive", where)
			}
			switch col.Type {
			case "", "text", "plain", "date", "percent", "priority":
			default:
				c.file.Errorf(append(ck, "type"), "%s: column type must be \"text\", \"plain\", \"date\", \"percent\" or \"priority\", not %q", where, col.Type)
			}
			switch col.Spans {
			case "", "none":
			case "source":
				if spanFields[strings.TrimSpace(col.Value)] == "" {
					c.file.Errorf(append(ck, "spans"), "%s: column %q: spans = \"source\" needs the value to be one of {{.Action.Lead}}, {{.Action.Target.Text}} or {{.Action.Resources}}", where, short(col.Title))
				}
			default:
				c.file.Errorf(append(ck, "spans"), "%s: spans must be \"source\" or \"none\", not %q", where, col.Spans)
			}
			if b.Flat && col.Merge {
				c.file.Errorf(append(ck, "merge"), "%s: column %q merges cells, which a flat table never does", where, short(col.Title))
			}
		}
	case "status_summary", "status_chart", "status_key":
		c.text(append(key, "title"), b.Title)
	case "":
		c.file.Errorf(append(key, "type"), "%s: block has no type (one of %s)", where, strings.Join(blockTypes, ", "))
	default:
		c.file.Errorf(append(key, "type"), "%s: unknown block type %q (one of %s)", where, b.Type, strings.Join(blockTypes, ", "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Mentions reports whether any placeholder text of the template mentions
// name (a field such as "Prospect"), so that a check can tell whether a
// paper shows it. It errs on the side of yes: a mention in a condition
// counts.
func (t *Template) Mentions(name string) bool {
	for src := range t.compiled {
		if strings.Contains(src, name) {
			return true
		}
	}
	return false
}
