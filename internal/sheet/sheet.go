package sheet

// Kind names the tables a plan can be kept in.
type Kind string

// The tables of a plan, and of a progress update.
const (
	Issues          Kind = "issues"
	Outcomes        Kind = "outcomes"
	Recommendations Kind = "recommendations"
	Actions         Kind = "actions"
	Updates         Kind = "updates"
	// Approvals is an approvals sheet: decisions on requests for a new
	// target (package approvals).
	Approvals Kind = "approvals"
)

// TableSpec says where one table is and how its columns map to fields.
type TableSpec struct {
	// Path is the file to open (.xlsx, .xlsm or .csv), as the process can
	// open it. Name is how messages name it (the path as the job wrote it).
	Path string
	Name string
	// Sheet is the worksheet's name. Empty means: the sheet whose name
	// matches the table's kind ("Issues", "Actions", "Action Plan" …), or
	// else the first sheet. Ignored for CSV.
	Sheet string
	// Sheets, when not empty, lists several sheets of one layout read as
	// one table, in workbook order: names, or patterns such as
	// "Directorate *" (which match only visible sheets). Sheet is then
	// ignored.
	Sheets []string
	// Header is the 1-based header row; 0 finds it automatically below any
	// title rows.
	Header int
	// Columns maps a field name (see FieldNames) to header texts that name it.
	// They are tried before the built-in aliases for the field.
	Columns map[string][]string
	// Optional leaves the table out, with no problem reported, when Sheet
	// is empty and no sheet's name matches the table's kind. A job that
	// names only the plan's workbook makes every table optional; the plan
	// is then read from whichever of them are there (or, when none is,
	// from the first sheet as a flat sheet of actions).
	Optional bool
	// RefInText says whether action refs may be taken from the start of
	// the action text ("1(i) All significant contracts…") when the table
	// has no ref column: RefInTextAuto (the default) or RefInTextNo.
	RefInText string
	// Bands says what a band row inside the table (one value across the
	// table, merged or not) is a heading for: "outcome", "theme", "issue",
	// "recommendation", or "none" to read no band. "" recognises
	// "Strategic Outcome N: …", "Theme: …" and "Issue N …" by their words.
	Bands string
	// LastRow, when not 0, is the table's last row: rows below it are not
	// read (and are listed as such).
	LastRow int
	// End, when not "", marks the end of the table: the first row under the
	// header whose first text begins with it, and every row below, are not
	// read.
	End string
}

// Values of TableSpec.RefInText.
const (
	RefInTextAuto = ""
	RefInTextNo   = "no"
)

// BandKinds are the values TableSpec.Bands may take besides "".
var BandKinds = []string{"outcome", "theme", "issue", "recommendation", "none"}

// PlanSpec says where each table of a plan is. A plan kept as one flat
// sheet of actions has only Actions; a plan of issues only (a CMT draft plan)
// has only Issues. At least one of Issues and Actions is needed.
type PlanSpec struct {
	Issues          *TableSpec
	Outcomes        *TableSpec
	Recommendations *TableSpec
	Actions         *TableSpec
}
