package main

// The draft Annual Governance Action Plan put to Cumbria County Council's
// Corporate Management Team in May 2014 (seed document 000): nine issues
// under six themes. The introduction paragraphs are in the job file.
//
// The text is the seed's, word for word, with its straight apostrophes. The
// extraction ran each table row's cells together on one line, a tab between
// columns, and continued long cells on the following lines; they are joined
// here. Judgment calls:
//
//   - The Issue cell holds a bold title and then the issue's text; they are
//     the Issue and Description columns ("Human resource and workforce
//     development." keeps its full stop, as the seed has it).
//   - Cells that are plainly lists are written one item a line: the areas
//     for improvement in workforce development, its three leads with the
//     proposed actions each covers, and the numbered proposed actions
//     (1)–(5). No bullet glyph is added where the seed shows none.
//   - "Slippage in the Capital Programme" follows a repeated header row
//     with no THEME line of its own: it stays under FINANCIAL RESILIENCE.
//   - The seed's header varies ("PROPOSED ACTION 2014/5", "2014/2015",
//     "LEAD ASSISTANT DIRECTOR" for Partnerships); the sheet has one header
//     row, as examples/README.md lays it out.

// cmtIssue is one row of the CMT action plan.
type cmtIssue struct {
	Theme, Issue, Description, Lead, Rationale, Action string
}

// The nine issues, in the seed's order; Theme is ditto under the first issue
// of a theme.
var cmtIssues = []cmtIssue{
	{
		Theme:       "SAFEGUARDING CHILDREN",
		Issue:       "Safeguarding Children",
		Description: "The Council remains subject to an Ofsted Improvement Notice.",
		Lead:        "Assistant Director Children and Families",
		Rationale: "The Council has identified failure to deliver the improvement notice and failure in safeguarding procedures as corporate risks " +
			"in the Council's Corporate Risk Register.",
		Action: "Action to improve the Council's performance is identified in the Ofsted Improvement Notice agreed between the Council and DfE. " +
			"Delivery against the Ofsted recommendations is monitored by an independently chaired Safeguarding Improvement Board which reports to the DfE. " +
			"The Corporate Director of Children's Services will continue to report on progress to Cabinet and Scrutiny. " +
			"Action to manage the identified risks is contained in the Corporate Risk Register. " +
			"Management of corporate risk will be monitored by the Corporate Governance Group, CMT and the Audit and Assurance Committee.",
	},
	{
		Theme:       "CONTRACT MANAGEMENT",
		Issue:       "Major contract disputes",
		Description: "One or more of the Council's contracts are subject to commercial, legal or significant operational dispute.",
		Lead:        "Corporate Director Environment and Community Services",
		Rationale: "The Council remains engaged in a significant contract dispute which is being managed at a corporate level. " +
			"The Council has identified major contractor disputes as a corporate risk in the Council's Corporate Risk Register.",
		Action: "A generic corporate risk has been identified and included in the Corporate Risk Register 14/15. " +
			"Risks associated with specific contracts are either included in the Corporate Risk Register or in Service Risk Registers where appropriate. " +
			"Management of Corporate Risk will be monitored by the Corporate Governance Group, CMT and the Audit Committee. " +
			"Senior Officer Group chaired by the Corporate Director (Environment and Community Services) to manage the contractual dispute process.",
	},
	{
		Theme:       ditto,
		Issue:       "Ineffective procurement and client contract management arrangements",
		Description: "Further improvement is required to the Council's contract management and procurement arrangements.",
		Lead:        "Assistant Director Business Services",
		Rationale: "Commissioning and Procurement is being centralised into one team within the Resources Directorate. " +
			"Action to ensure that consistent procurement and contract management arrangements are embedded within the service is a priority in 2014.",
		Action: "Action to manage identified risk relating to contract management is contained in the Corporate Risk Register 14-15. " +
			"Management of corporate risk will be monitored by the Corporate Governance Group, CMT and the Audit Committee. " +
			"Action to deliver consistent procurement and contract management is identified in the Business Services (Resources Directorate) Service Plan. " +
			"Delivery against the Service Plan will be monitored by directorates, Cabinet and Scrutiny Members. " +
			"Contract management of Connecting Cumbria is supported by internal and external legal advice.",
	},
	{
		Theme: "INFORMATION GOVERNANCE",
		Issue: "Information Security",
		Description: "Increased incidences of breach of the Data Protection Act through a combination of ineffective data security, insecure data connectivity, " +
			"insecure sharing arrangements with partners and external organisations, a lack of awareness and unmet training needs or negligence.",
		Lead: "Assistant Director Business Services",
		Rationale: "The Council undertook a voluntary inspection by the Office of the Information Commissioner in October 2013 which provided \"limited assurance\" " +
			"with regard to the Council's arrangements for information governance. " +
			"The Council has identified information governance as a corporate risk in the Council's Corporate Risk Register.",
		Action: "Action to improve the Council's information governance is identified in an action plan developed following the ICO Audit. " +
			"The Corporate Governance Group will monitor delivery against the action plan. " +
			"The Assistant Director Business Services will continue to report on progress to the Audit and Assurance Committee. " +
			"Action to manage the identified risks is contained in the Corporate Risk Register. " +
			"Management of corporate risk will be monitored by the Corporate Governance Group, CMT and the Audit Committee.",
	},
	{
		Theme:       "FINANCIAL RESILIENCE",
		Issue:       "Medium Term Financial Plan",
		Description: "Insufficiently robust savings plans and slippage in delivery of savings proposals in 2013-14 resulting in significant budget overspends.",
		Lead:        "Assistant Director Finance",
		Rationale: "Members must satisfy themselves that savings planned are realistic and achievable within the timescale set and the impact on service delivery is identified and managed. " +
			"A new strategic planning and monitoring process, backed by a new service planning and monitoring process is in its first year of implementation. " +
			"The Council has identified non-delivery of Medium Term Financial Plan savings up to 2016 and non-delivery of budget savings in 2014 " +
			"as corporate risks in the Corporate Risk Register.",
		Action: "Action to manage the identified risks is contained in the Corporate Risk Register. " +
			"Medium Term Financial Plan 2014-17 agreed by Council in February 2014 " +
			"Management of corporate risk will be monitored by the Corporate Governance Group, CMT and the Audit Committee. " +
			"Budgets are aligned to specific managers, reporting to Assistant Directors. Budget returns are required monthly. " +
			"Regular reporting on Budget performance to Corporate Management Team during the year and Cabinet on a quarterly basis.",
	},
	{
		Theme:       ditto,
		Issue:       "Looked After Children",
		Description: "Significant budget overspend for Looked After Children, and higher numbers of Looked After Children compared with comparator authorities.",
		Lead:        "Assistant Director Children and Families",
		Rationale: "Significant corporate budget pressure resulting from a combination of relatively high numbers of LAC together with the cost of placements. " +
			"The Council has identified non-delivery of the Better Placements strategy as a risk on the Corporate Risk Register.",
		Action: "Action to deliver budget reductions is identified in the Better Placements Action Plan, reflected in the Children and Families Service Plan. " +
			"The Better Placements Group which monitors deliver of the action plan is chaired by the Assistant Director (Finance). " +
			"Management of corporate risk will be monitored by the Audit and Assurance Committee.",
	},
	{
		Theme:       ditto,
		Issue:       "Slippage in the Capital Programme",
		Description: "Further improvement in the scheduling and delivery of Capital Schemes",
		Lead:        "Assistant Director Capital Programme and Property",
		Rationale:   "Slippage and non-delivery of the Council's capital programme require improvement action.",
		Action: "Action to deliver improvement is identified in the Finance and Capital Programme & Property Services (Resources Directorate) Service Plans. " +
			"Delivery against the Service Plan will be monitored by directorates, Cabinet. And Scrutiny Members.",
	},
	{
		Theme: "WORKFORCE DEVELOPMENT",
		Issue: "Human resource and workforce development.",
		Description: "Further improvement required in the following areas:\n" +
			"Job descriptions/clarity of job roles\n" +
			"Appraisals\n" +
			"Sickness absence rates\n" +
			"Risk management\n" +
			"Succession Planning\n" +
			"Knowledge of and compliance with ethical policies (ICT security/Counter Fraud/ Whistleblowing/ Officer Code of Conduct) and contract/ financial procedure rules.",
		Lead: "Assistant Director Organisational Development/Business Services (Proposed action 1 & 4 in 2014/15)\n" +
			"Assistant Director Corporate Governance (Proposed actions 2 and 5 in 2014/15)\n" +
			"All Assistant Directors (Proposed actions 3 & 4 in 2014/15)",
		Rationale: "The 2013/2014 review of internal control has highlighted the need for staff development activities to be addressed and/or improved.",
		Action: "(1) Implementation of a Workforce Plan.\n" +
			"(2) Action to review the Council's Constitution (which contains the key ethical policies and rules of procedure) is included in the " +
			"Corporate Governance (Resources Directorate) Service Plan for 2014. The scope of the review includes improving the accessibility of the Constitution, including training.\n" +
			"(3) Action to deliver improvement in directorates relating to workforce issues are identified in directorate Service Plans.\n" +
			"(4) Action to deliver improvements in sickness absence management are identified in the Business Services and directorate Service Plans.\n" +
			"(5) Risk identified in the Corporate Risk Register reinforces the need for an effective workforce plan. " +
			"Delivery against the Workforce Plan will be monitored by directorates and Cabinet.",
	},
	{
		Theme: "PARTNERSHIPS",
		Issue: "Partnerships",
		Description: "It remains unclear whether the Council has a full understanding of the purpose of some partnerships, the Council's role in partnerships, " +
			"the investment and expected return for the Council from partnerships, representation on partnerships and the risks and opportunities for the Council.",
		Lead: "Assistant Director Corporate Governance",
		Rationale: "The participation in partnership arrangements in support of the Council's objectives presents both opportunities and risks. " +
			"The 2013/2014 review of internal control has highlighted that improvements can be made to the Council's arrangements for governance of partnerships " +
			"and for managing partnership activity.",
		Action: "Action included in the Corporate Governance (Resources) Service Plan to review the definition of partnerships, update the register of partnerships, " +
			"ensure appropriate governance is in place for key partnerships which are business critical to the Council. " +
			"Existing partnership guidance and self-assessment will be updated and promoted to directorates. " +
			"Delivery against the Service Plan will be monitored by directorates, Cabinet and Scrutiny Members",
	},
}
