// Package pdfua checks a PDF file against the rules of PDF/UA-1 (ISO
// 14289-1) that a machine can check, as the Matterhorn Protocol lists them.
// It is a test tool: agsreport's tests run it on every example paper,
// because no full PDF/UA validator (veraPDF) can be installed here.
//
// The file is read by qpdf (`qpdf --json`), not by agsreport's own PDF
// code, so the checker sees what any reader sees: the objects after every
// incremental update, and page content streams decoded. Checked:
//
//   - 01-005: every mark on a page (text, paths, images, shadings) lies in
//     marked content that is either an artifact or has an MCID, and every
//     MCID of a page is tied, through the page's /StructParents and the
//     parent tree, to a structure element that lists it (and back);
//   - 06-001, 06-002, 06-003: the catalog has XMP metadata with the
//     PDF/UA identifier (pdfuaid:part 1) and a dc:title;
//   - 07-001, 07-002: /ViewerPreferences has /DisplayDocTitle true;
//   - checkpoint 01 and ISO 32000 14.7: the catalog has /MarkInfo
//     <</Marked true>> and a /StructTreeRoot;
//   - checkpoint 11: the catalog has a /Lang;
//   - 09-004, 09-005: table and list elements sit where ISO 32000-1
//     (table 337, 14.8.4.3) allows them;
//   - 13-004: every Figure has /Alt or /ActualText;
//   - 14-002, 14-003: the first heading is H1 and no heading level is
//     skipped;
//   - 15-003 and checkpoint 15: every TH has a /Scope, every Table at least
//     one TH;
//   - checkpoint 31: every font used is embedded, and composite fonts have
//     a ToUnicode map.
//
// Rules that need a person (is the alternative text right, is the reading
// order the visual one, are headings the right words) are not checked.
package pdfua

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os/exec"
	"sort"
	"strconv"
	"strings"
)

// Failure is one broken rule.
type Failure struct {
	Rule  string // Matterhorn checkpoint, e.g. "13-004"
	Where string // the object or page, e.g. "page 2", "obj 97"
	What  string
}

func (f Failure) String() string { return fmt.Sprintf("%s %s: %s", f.Rule, f.Where, f.What) }

// Check reads the PDF file at path with qpdf and returns the rules it
// breaks, in a stable order. An error means the file could not be read.
func Check(path string) ([]Failure, error) {
	out, err := exec.Command("qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path, "-").Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = strings.TrimSpace(string(ee.Stderr))
		}
		// qpdf exits 3 for warnings, with the JSON written.
		if len(out) == 0 {
			return nil, fmt.Errorf("qpdf --json %s: %v %s", path, err, msg)
		}
	}
	return checkJSON(out)
}

// file is a PDF as qpdf's JSON (version 2) shows it.
type file struct {
	objs map[string]any // "12 0 R" → value; streams as map{"dict":…, "data":…}
	out  []Failure
}

func checkJSON(data []byte) ([]Failure, error) {
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("reading qpdf's JSON: %w", err)
	}
	if len(doc.Qpdf) < 2 {
		return nil, fmt.Errorf("reading qpdf's JSON: no objects")
	}
	var raw map[string]map[string]any
	if err := json.Unmarshal(doc.Qpdf[1], &raw); err != nil {
		return nil, fmt.Errorf("reading qpdf's JSON: %w", err)
	}
	f := &file{objs: map[string]any{}}
	for k, v := range raw {
		ref := strings.TrimPrefix(k, "obj:")
		if s, ok := v["stream"]; ok {
			f.objs[ref] = s
		} else if val, ok := v["value"]; ok {
			f.objs[ref] = val
		}
	}
	f.check()
	sort.SliceStable(f.out, func(i, j int) bool { return f.out[i].Rule < f.out[j].Rule })
	return f.out, nil
}

func (f *file) fail(rule, where, format string, args ...any) {
	f.out = append(f.out, Failure{Rule: rule, Where: where, What: fmt.Sprintf(format, args...)})
}

// resolve follows an indirect reference.
func (f *file) resolve(v any) any {
	for i := 0; i < 32; i++ {
		s, ok := v.(string)
		if !ok || !strings.HasSuffix(s, " R") {
			return v
		}
		v = f.objs[s]
	}
	return nil
}

func (f *file) dict(v any) map[string]any {
	v = f.resolve(v)
	if d, ok := v.(map[string]any); ok {
		if sd, ok := d["dict"].(map[string]any); ok {
			return sd // a stream
		}
		return d
	}
	return nil
}

func (f *file) array(v any) []any {
	a, _ := f.resolve(v).([]any)
	return a
}

// streamData returns a stream's decoded bytes.
func (f *file) streamData(ref any) []byte {
	d, ok := f.resolve(ref).(map[string]any)
	if !ok {
		return nil
	}
	s, _ := d["data"].(string)
	b, _ := base64.StdEncoding.DecodeString(s)
	return b
}

func name(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "/")
}

func text(v any) string {
	s, _ := v.(string)
	if t, ok := strings.CutPrefix(s, "u:"); ok {
		return t
	}
	return strings.TrimPrefix(s, "b:")
}

func num(v any) (int, bool) {
	n, ok := v.(float64)
	return int(n), ok
}

func (f *file) check() {
	trailer := f.dict(f.objs["trailer"])
	cat := f.dict(trailer["/Root"])
	if cat == nil {
		f.fail("01", "catalog", "no document catalog")
		return
	}
	f.checkCatalog(cat)
	pages := f.pages(cat["/Pages"], nil)
	elems := f.checkTree(cat)
	f.checkContent(pages, cat, elems)
	f.checkFonts()
}

func (f *file) checkCatalog(cat map[string]any) {
	meta := f.streamData(cat["/Metadata"])
	switch {
	case meta == nil:
		f.fail("06-001", "catalog", "no XMP metadata stream")
	default:
		if !bytes.Contains(meta, []byte("<pdfuaid:part>1</pdfuaid:part>")) && !bytes.Contains(meta, []byte(`pdfuaid:part="1"`)) {
			f.fail("06-002", "metadata", "no PDF/UA identifier (pdfuaid:part 1)")
		}
		if !bytes.Contains(meta, []byte("<dc:title>")) {
			f.fail("06-003", "metadata", "no dc:title")
		}
	}
	vp := f.dict(cat["/ViewerPreferences"])
	if b, ok := vp["/DisplayDocTitle"].(bool); !ok {
		f.fail("07-001", "catalog", "ViewerPreferences has no DisplayDocTitle")
	} else if !b {
		f.fail("07-002", "catalog", "DisplayDocTitle is false")
	}
	if mi := f.dict(cat["/MarkInfo"]); mi == nil || mi["/Marked"] != true {
		f.fail("01", "catalog", "MarkInfo does not say Marked true")
	}
	if strings.TrimSpace(text(f.resolve(cat["/Lang"]))) == "" {
		f.fail("11", "catalog", "no document language (/Lang)")
	}
}

// pages lists the page dictionaries' references in order.
func (f *file) pages(node any, seen map[string]bool) []string {
	if seen == nil {
		seen = map[string]bool{}
	}
	ref, _ := node.(string)
	if seen[ref] {
		return nil
	}
	seen[ref] = true
	d := f.dict(node)
	if name(d["/Type"]) == "Page" {
		return []string{ref}
	}
	var out []string
	for _, k := range f.array(d["/Kids"]) {
		out = append(out, f.pages(k, seen)...)
	}
	return out
}

// elem is a structure element as read.
type elem struct {
	ref, role string
	kids      []*elem
	mcids     map[string][]int // page reference → MCIDs listed in /K
	d         map[string]any
}

// checkTree reads the structure tree and checks its elements; it returns
// the elements by reference.
func (f *file) checkTree(cat map[string]any) map[string]*elem {
	root := f.dict(cat["/StructTreeRoot"])
	if root == nil {
		f.fail("01", "catalog", "no structure tree (/StructTreeRoot)")
		return nil
	}
	roleMap := f.dict(root["/RoleMap"])
	byRef := map[string]*elem{}
	var read func(ref any, pg string, depth int) *elem
	read = func(ref any, pg string, depth int) *elem {
		r, _ := ref.(string)
		d := f.dict(ref)
		if d == nil || depth > 200 || byRef[r] != nil {
			return nil
		}
		e := &elem{ref: r, role: name(d["/S"]), mcids: map[string][]int{}, d: d}
		if m, ok := roleMap["/"+e.role]; ok {
			e.role = name(m)
		}
		byRef[r] = e
		if p, ok := d["/Pg"].(string); ok {
			pg = p
		}
		kids := d["/K"]
		list, ok := f.resolve(kids).([]any)
		if !ok && kids != nil {
			list = []any{kids}
		}
		for _, k := range list {
			if n, ok := num(k); ok {
				e.mcids[pg] = append(e.mcids[pg], n)
				continue
			}
			kd := f.dict(k)
			switch name(kd["/Type"]) {
			case "MCR":
				p, _ := kd["/Pg"].(string)
				if p == "" {
					p = pg
				}
				if n, ok := num(kd["/MCID"]); ok {
					e.mcids[p] = append(e.mcids[p], n)
				}
			case "OBJR":
			default:
				if c := read(k, pg, depth+1); c != nil {
					e.kids = append(e.kids, c)
				}
			}
		}
		return e
	}
	var top []*elem
	kids := root["/K"]
	list, ok := f.resolve(kids).([]any)
	if !ok && kids != nil {
		list = []any{kids}
	}
	for _, k := range list {
		if e := read(k, "", 0); e != nil {
			top = append(top, e)
		}
	}
	if len(top) == 0 {
		f.fail("01", "structure tree", "the structure tree is empty")
	}
	last := 0
	var walk func(e, parent *elem)
	walk = func(e, parent *elem) {
		where := "element " + strings.TrimSuffix(e.ref, " 0 R") + " (" + e.role + ")"
		prole := ""
		if parent != nil {
			prole = parent.role
		}
		switch e.role {
		case "H1", "H2", "H3", "H4", "H5", "H6":
			lv := int(e.role[1] - '0')
			if last == 0 && lv != 1 {
				f.fail("14-002", where, "the first heading is %s, not H1", e.role)
			} else if lv > last+1 && last > 0 {
				f.fail("14-003", where, "%s follows H%d: a heading level is skipped", e.role, last)
			}
			last = lv
		case "Figure":
			if text(e.d["/Alt"]) == "" && text(e.d["/ActualText"]) == "" {
				f.fail("13-004", where, "a figure without alternative text")
			}
		case "TH":
			if f.attr(e.d, "/Scope") == nil && e.d["/ID"] == nil {
				f.fail("15-003", where, "a table header cell without a Scope")
			}
			fallthrough
		case "TD":
			if prole != "TR" {
				f.fail("09-004", where, "%s inside %s, not TR", e.role, prole)
			}
		case "TR":
			if prole != "Table" && prole != "THead" && prole != "TBody" && prole != "TFoot" {
				f.fail("09-004", where, "TR inside %s", prole)
			}
			for _, k := range e.kids {
				if k.role != "TH" && k.role != "TD" {
					f.fail("09-004", where, "%s inside a TR", k.role)
				}
			}
		case "THead", "TBody", "TFoot":
			if prole != "Table" {
				f.fail("09-004", where, "%s inside %s, not Table", e.role, prole)
			}
		case "Table":
			th := false
			var look func(x *elem)
			look = func(x *elem) {
				th = th || x.role == "TH"
				for _, k := range x.kids {
					look(k)
				}
			}
			look(e)
			if !th {
				f.fail("15", where, "a table without header cells (TH)")
			}
		case "LI":
			if prole != "L" {
				f.fail("09-005", where, "LI inside %s, not L", prole)
			}
		case "Lbl", "LBody":
			if prole != "LI" {
				f.fail("09-005", where, "%s inside %s, not LI", e.role, prole)
			}
		case "L":
			for _, k := range e.kids {
				if k.role != "LI" && k.role != "L" && k.role != "Caption" {
					f.fail("09-005", where, "%s inside a list", k.role)
				}
			}
		}
		for _, k := range e.kids {
			walk(k, e)
		}
	}
	for _, e := range top {
		walk(e, nil)
	}
	return byRef
}

// attr finds a structure attribute in an element's /A (a dictionary or an
// array of them).
func (f *file) attr(d map[string]any, key string) any {
	a := f.resolve(d["/A"])
	list, ok := a.([]any)
	if !ok {
		list = []any{a}
	}
	for _, x := range list {
		if ad := f.dict(x); ad != nil {
			if v, ok := ad[key]; ok {
				return v
			}
		}
	}
	return nil
}

// checkContent checks that every mark on every page is tagged or an
// artifact, and that the page's MCIDs and the structure tree agree.
func (f *file) checkContent(pages []string, cat map[string]any, elems map[string]*elem) {
	var parentTree map[int][]any
	if root := f.dict(cat["/StructTreeRoot"]); root != nil {
		parentTree = f.numberTree(root["/ParentTree"])
	}
	type listing struct {
		e  *elem
		id int
	}
	listed := map[string][]listing{} // page → the MCIDs elements list on it
	refs := make([]string, 0, len(elems))
	for r := range elems {
		refs = append(refs, r)
	}
	sort.Strings(refs)
	for _, r := range refs {
		for pg, ids := range elems[r].mcids {
			for _, id := range ids {
				listed[pg] = append(listed[pg], listing{elems[r], id})
			}
		}
	}
	for i, pg := range pages {
		where := fmt.Sprintf("page %d", i+1)
		d := f.dict(pg)
		var data []byte
		contents := f.resolve(d["/Contents"])
		if list, ok := contents.([]any); ok {
			for _, c := range list {
				data = append(append(data, f.streamData(c)...), '\n')
			}
		} else {
			data = f.streamData(d["/Contents"])
		}
		mcids, err := scanContent(data, func(op string) {
			f.fail("01-005", where, "%q draws outside marked content that is tagged or an artifact", op)
		})
		if err != nil {
			f.fail("01-005", where, "content stream: %v", err)
			continue
		}
		if len(mcids) == 0 {
			continue
		}
		sp, ok := num(d["/StructParents"])
		if !ok {
			f.fail("01", where, "marked content but no /StructParents")
			continue
		}
		arr := parentTree[sp]
		seen := map[int]bool{}
		for _, id := range mcids {
			if seen[id] {
				f.fail("01", where, "MCID %d marks two sequences", id)
			}
			seen[id] = true
		}
		// Every MCID an element lists on this page must be on it.
		for _, l := range listed[pg] {
			if !seen[l.id] {
				f.fail("01", where, "element %s (%s) lists MCID %d, which the page does not have", l.e.ref, l.e.role, l.id)
			}
		}
		for _, id := range mcids {
			if id < 0 || id >= len(arr) {
				f.fail("01", where, "MCID %d is not in the parent tree", id)
				continue
			}
			ref, _ := arr[id].(string)
			e := elems[ref]
			if e == nil {
				f.fail("01", where, "MCID %d belongs to no structure element of the tree", id)
				continue
			}
			found := false
			for _, m := range e.mcids[pg] {
				found = found || m == id
			}
			if !found {
				f.fail("01", where, "MCID %d: element %s (%s) does not list it", id, ref, e.role)
			}
		}
	}
}

// numberTree flattens a number tree.
func (f *file) numberTree(node any) map[int][]any {
	out := map[int][]any{}
	var rec func(n any, depth int)
	rec = func(n any, depth int) {
		d := f.dict(n)
		if d == nil || depth > 32 {
			return
		}
		nums := f.array(d["/Nums"])
		for i := 0; i+1 < len(nums); i += 2 {
			if k, ok := num(nums[i]); ok {
				out[k] = f.array(nums[i+1])
			}
		}
		for _, k := range f.array(d["/Kids"]) {
			rec(k, depth+1)
		}
	}
	rec(node, 0)
	return out
}

// checkFonts checks that every font is embedded and composite fonts map
// to Unicode.
func (f *file) checkFonts() {
	refs := make([]string, 0, len(f.objs))
	for r := range f.objs {
		refs = append(refs, r)
	}
	sort.Strings(refs)
	for _, r := range refs {
		d := f.dict(r)
		if name(d["/Type"]) != "Font" {
			continue
		}
		where := "font " + strings.TrimSuffix(r, " 0 R") + " (" + name(d["/BaseFont"]) + ")"
		switch name(d["/Subtype"]) {
		case "Type0":
			if d["/ToUnicode"] == nil {
				f.fail("31", where, "a composite font without a ToUnicode map")
			}
		case "Type3":
		default:
			fd := f.dict(d["/FontDescriptor"])
			if fd == nil || (fd["/FontFile"] == nil && fd["/FontFile2"] == nil && fd["/FontFile3"] == nil) {
				f.fail("31", where, "the font is not embedded")
			}
		}
	}
}

// scanContent reads a content stream and returns the MCIDs it marks, in
// order; bad is called for every painting operator outside marked content
// that is an artifact or has an MCID.
func scanContent(data []byte, bad func(op string)) ([]int, error) {
	type mc struct{ tagged bool }
	var stack []mc
	var mcids []int
	var operands []string
	covered := func() bool {
		for _, m := range stack {
			if m.tagged {
				return true
			}
		}
		return false
	}
	lx := lexer{src: data}
	for {
		tok, kind, err := lx.next()
		if err != nil {
			return nil, err
		}
		if kind == tEOF {
			break
		}
		if kind != tOp {
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BMC", "BDC":
			tag := ""
			if len(operands) > 0 {
				tag = operands[0]
			}
			m := mc{tagged: tag == "/Artifact"}
			if tok == "BDC" && len(operands) > 1 {
				if id, ok := mcidOf(operands[1]); ok {
					m.tagged = true
					mcids = append(mcids, id)
				}
			}
			stack = append(stack, m)
		case "EMC":
			if len(stack) == 0 {
				return nil, fmt.Errorf("EMC without BMC or BDC")
			}
			stack = stack[:len(stack)-1]
		case "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI":
			if !covered() {
				bad(tok)
			}
		}
		operands = operands[:0]
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("%d marked-content sequences left open", len(stack))
	}
	return mcids, nil
}

// mcidOf reads the MCID of an inline property list "<</MCID 3>>".
func mcidOf(props string) (int, bool) {
	i := strings.Index(props, "/MCID")
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(strings.NewReplacer(">", " ", "/", " /").Replace(props[i+len("/MCID"):]))
	if len(f) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(f[0])
	return n, err == nil
}

type tokKind int

const (
	tEOF tokKind = iota
	tOperand
	tOp
)

// lexer splits a content stream into operands (numbers, names, strings,
// arrays and dictionaries, each as one token) and operators.
type lexer struct {
	src []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool { return strings.IndexByte("()<>[]{}/%", c) >= 0 }

func (l *lexer) next() (string, tokKind, error) {
	s := l.src
	for l.pos < len(s) {
		c := s[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(s) && s[l.pos] != '\n' && s[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(s) {
		return "", tEOF, nil
	}
	start := l.pos
	switch c := s[l.pos]; {
	case c == '(':
		if err := l.skipString(); err != nil {
			return "", 0, err
		}
	case c == '<' && l.pos+1 < len(s) && s[l.pos+1] == '<', c == '[':
		if err := l.skipNested(); err != nil {
			return "", 0, err
		}
	case c == '<':
		end := bytes.IndexByte(s[l.pos:], '>')
		if end < 0 {
			return "", 0, fmt.Errorf("unterminated hex string")
		}
		l.pos += end + 1
	case c == '/':
		l.pos++
		for l.pos < len(s) && !isSpace(s[l.pos]) && !isDelim(s[l.pos]) {
			l.pos++
		}
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		return "", 0, fmt.Errorf("unexpected %q at byte %d", c, l.pos)
	default:
		for l.pos < len(s) && !isSpace(s[l.pos]) && !isDelim(s[l.pos]) {
			l.pos++
		}
		tok := string(s[start:l.pos])
		if (tok[0] >= '0' && tok[0] <= '9') || tok[0] == '-' || tok[0] == '+' || tok[0] == '.' || tok == "true" || tok == "false" || tok == "null" {
			return tok, tOperand, nil
		}
		if tok == "BI" {
			return tok, tOp, fmt.Errorf("inline images are not read")
		}
		return tok, tOp, nil
	}
	return string(s[start:l.pos]), tOperand, nil
}

// skipString moves past a literal string, with nested parentheses and
// escapes.
func (l *lexer) skipString() error {
	depth := 0
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		l.pos++
		switch c {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return nil
			}
		}
	}
	return fmt.Errorf("unterminated string")
}

// skipNested moves past an array or a dictionary, with the strings in it.
func (l *lexer) skipNested() error {
	depth := 0
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '(':
			if err := l.skipString(); err != nil {
				return err
			}
			continue
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '<' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '<':
			depth++
			l.pos++
		case c == '>' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '>':
			depth--
			l.pos++
		}
		l.pos++
		if depth == 0 {
			return nil
		}
	}
	return fmt.Errorf("unterminated array or dictionary")
}
