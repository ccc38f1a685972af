package main

// The Cumbria County Council Annual Governance Statement Action Plan 2017-18,
// as reported to the Audit and Assurance Committee in March 2018: Appendix 1
// (A), Children's Services Leadership and Governance, with its progress to
// January 2018; and Appendix 1 (B), Amey Lessons Learned, with its progress
// to February 2018 (seed document 001).
//
// The text is the seed's, word for word and with its own curly quotes and
// double spaces. Only the PDF extraction has been undone: cells of one table
// row arrived interleaved, a page break cut some cells and continued them
// after the next page's band, and narrow columns broke words ("Transformati
// on", "underperformanc e", "commissioning , procurement"). Line structure is
// kept: a blank line between paragraphs, "• " for the seed's bullet glyph
// (which the extraction dropped, leaving a leading space).
//
// Judgment calls made in rebuilding the tables:
//
//   - A merged cell is written once, on the first action it covers; ditto
//     (〃) in a later action says "the cell above covers this one too".
//     Recommendation number, text and report refs cover all their actions.
//   - Lead: the seed shows one lead beside the recommendation's refs, and none
//     on the other rows, for 5(i)/5(ii) ("Chief Executive"), 6(i)/6(ii)
//     ("Monitoring Officer") and 12(i)/12(ii) ("Chief Executive"); each is a
//     cell merged over those actions. For recommendation 7 the one lead shown
//     is "All CD’s", with no lead on 7(i) or 7(ii): it is merged over
//     7(i)–7(iii).
//   - Target date: 6(i) has none of its own; "By 31st March 2018" is merged
//     over 6(i)/6(ii). 7(i) and 7(ii) each show their own "Ongoing".
//   - Recommendation 1's text is printed again after the page break inside
//     1(iii)/1(iv); it is one cell. Recommendation 4's refs are printed again
//     after the page break before 4(iii) with the rest of its text ("The
//     opportunity to utilise … to be explored"); that text is the second
//     paragraph of recommendation 4, not a new recommendation.
//   - After a page break, " on" in front of 2(i)'s continuation ends its lead
//     ("CD Resources and Transformati" + "on"), and the rest ("contract
//     documents prior to formally procuring such, …") ends the action.
//   - 8(i): "Decisions log in place" is the action's second paragraph (the
//     resources cell is the one-line "Officer time" printed beside the
//     status); 4(iii): "Use of capacity from Zurich for Member Training" is the
//     first paragraph of its resources (it wraps at the resources column's
//     width, not the action column's).
//   - 10(i): the trailing " determined. settle." after the page break ends the
//     recommendation ("… approach to settlement is determined.") and the
//     action's second paragraph ("… opportunities to settle.").
//   - Appendix 1 (A) "2.1Adoption" and "2.2Experiences": the extraction lost
//     the gap after a sub-list number; written "2.1 Adoption", "2.2
//     Experiences".
//   - The Appendix 1 (A) actions have no lead, target, resources or status in
//     the seed; those cells are left empty.

// ditto marks a cell covered by a merged cell above it in the same column.
const ditto = "〃"

// issue is one row of the Issues sheet.
type issue struct {
	Ref, Title, Description, Target, Prospect, Lead, Measures string
}

// outcome is one strategic outcome and the recommendations grouped under it.
type outcome struct {
	No, Text string
	Recs     []rec
}

// rec is one numbered recommendation of a lessons-learned report and the
// actions that answer it.
type rec struct {
	No, Text, Refs string
	Actions        []action
}

// action is one agreed action. Lead or Target may be ditto. Progress is the
// text of the progress return; Status is in both the plan and the return.
type action struct {
	Ref, Lead, Target, Text, Resources, Status, Progress string
}

// The two issues of Appendix 1 (A) and (B).
var cumbriaIssues = []issue{
	{
		Ref:   "CSLG",
		Title: "Children’s Services Leadership and Governance",
		Description: "There is an issue that the Council has been judged “inadequate” following an inspection of its Children’s Services by Ofsted in March 2015. " +
			"The inspection report finds that this is due to leaders and managers having been unable to demonstrate sufficient understanding of failures in services for looked after children " +
			"and have been ineffective in prioritising challenging and making improvements in relation to looked after children services. " +
			"This has caused too many children to experience unacceptable drift in decision making and delay in progress of their plans, poor practice to remain unchallenged, " +
			"too many children’s needs unmet and plans not progressed in the child’s timescale.",
		Target: "31st March 2018",
		Prospect: "Summary outcome of November 2017 Ofsted re-inspection\n" +
			"Following the Ofsted re-inspection in November, a formal letter from the Parliamentary Under-Secretary of State was received by the Councils leader on 29th January 2018 " +
			"confirming that Ofsted had judged the Council services overall to be ‘requires improvement’. As a result of the improvement delivered to date, " +
			"the Statutory Direction issued to the Cumbria County Council in November 2015 is now lifted and the Council is no longer subject to statutory intervention.\n\n" +
			"It is normal for Local Authorities who have been in a period of intervention and receives a ‘requires improvement’ during re-inspection, " +
			"that they will enter a 12 month period of support and supervision by the DfE however, because Cumbria was rated ‘Good’ for its Leadership, management & governance " +
			"the Council will be subject to a ‘lighter touch’ approach to ongoing support involving quarterly phone calls with the DfE advisor.\n\n" +
			"To provide assurance of the sustainability of the improvements delivered, the Council is required to issue Ofsted with an improvement plan by 9th May 2018 " +
			"and work has already started on this.",
		Lead: "Corporate Director of Children’s Services",
	},
	{
		Ref:   "AMEY",
		Title: "Amey Lessons Learned",
		Description: "Following the Amey Litigation the Council commissioned a Lessons Learned Report which highlighted a number of governance issues which would benefit from further strengthening. " +
			"An Action Plan was agreed in response to the Lessons Learned Report which focuses on 4 strategic outcomes:\n\n" +
			"• Contracts are clear and robust, with effective and proportionate contract, performance and risk management arrangements in place\n" +
			"• Strong governance arrangements are in place for services delivered by external contract.\n" +
			"• The Council understands and effectively manages the risks, benefits and implications that disputes or litigation may present\n" +
			"• The Council has effective communications and stakeholder relationships in place when contracts escalate towards formal dispute.\n\n" +
			"It was agreed that progress with the Amey Action Plan would be reported to Audit and Assurance as part of the Annual Governance Statement updates.",
		Target:   "31st March 2018",
		Prospect: "At the end of February 2018 the Amey Lessons Learned Action Plan was progressing in line with the target dates.",
		Lead:     "Corporate Director Resources and Transformation",
		Measures: "see action plan below",
	},
}

// The agreed actions of Appendix 1 (A), with their progress to January 2018.
// The seed gives them no status.
var childrensActions = []action{
	{
		Ref: "Action 1",
		Text: "Revise the Children’s Improvement Plan to reflect the outputs from the latest quarterly OfSTED report, the LGA Practice Diagnostic, " +
			"the DfE review and the review of the Corporate Parenting Board.",
		Progress: "Summary outcome of November 2017 Ofsted re-inspection visit:\n\n" +
			"All local authority services for children have significantly improved and overall effectiveness now requires improvement to be good.\n" +
			"The Councils self-assessment was noted in the report to be accurate in its understanding of the vast majority of areas of practice that still require improvement.\n\n" +
			"Assessment outcomes:\n" +
			"1. Children who need help and protection – Requires Improvement\n" +
			"2. Children looked after and achieving permanence – Requires Improvement\n\n" +
			"2.1 Adoption performance – Good\n" +
			"2.2 Experiences and progress of care leavers – Requires Improvement\n\n" +
			"3. Leadership, management and governance – Good\n\n" +
			"Recommendations\n" +
			"Ten recommendations have been issued in the report and these are now being addressed through an ongoing improvement plan.\n\n" +
			"The Children’s Improvement Board (ChiB) was part of the Directions Notice and this Board has now been formally dissolved. " +
			"Governance arrangements for the ongoing improvement plan are under consideration and have yet to be finalised.",
	},
	{
		Ref: "Action 2",
		Text: "Produce and implement a Performance Management and Quality Assurance Framework (PMQAF) that is signed-off by a DfE advisor " +
			"in line with the Directions Notice.",
		Progress: "The report noted that the Council’s performance is scrutinised and the local authority has a clear understanding of itself. " +
			"In addition, it was stated that performance and quality assurance activities combine well to support effective scrutiny of social work practice.\n\n" +
			"Performance Management and Quality Assurance activities are well embedded and part of business as normal.",
	},
	{
		Ref: "Action 3",
		Text: "Continue to work with external support from DfE, OfSTED and North West Association of Directors of Children’s Services (NWADCS) " +
			"in preparation for re-inspection.",
		Progress: "Cumbria was rated ‘Good’ for its Leadership, management & governance and as such will be subject to a ‘lighter touch’ approach " +
			"to ongoing support and supervision, involving regular progress updates with the DfE advisor by telephone.",
	},
}

// Recurring progress text of the Amey action plan.
const (
	ecmActedUpon = "“Effective Contract Management” Guidance and Procedure note have now been acted upon by Corporate Directors, " +
		"who have now identified their significant contracts based on the criteria of risk, value and impact."
	ecmHasActedUpon = "“Effective Contract Management” Guidance and Procedure note has now been acted upon by Corporate Directors, " +
		"who have now identified their significant contracts based on the criteria of risk, value and impact."
	deliveredThroughLD = "Delivered through existing Learning and Development Budget"
	specialistInput    = "Officer time and potential for additional resources required depending on need for specialist input"
)

// The Amey Lessons Learned action plan of Appendix 1 (B), with status and
// progress to February 2018.
var ameyOutcomes = []outcome{
	{
		No:   "1",
		Text: "Contracts are clear and robust, with effective and proportionate contract, performance and risk management arrangements in place",
		Recs: []rec{
			{
				No:   "1",
				Text: "For existing significant contracts, ensure that contract management arrangements are robust, operating effectively and kept under regular review.",
				Refs: "R1, R5, R7",
				Actions: []action{
					{
						Ref: "1(i)", Lead: "All CD’s", Target: "By 31st October 2017",
						Text:      "All ‘Significant Contracts’ (Defined by risk, value and impact), to be identified, and contract management arrangements reviewed.",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: ecmActedUpon + "\n\n" +
							"Review of contract management arrangements and risk is now taking place.",
					},
					{
						Ref: "1(ii)", Lead: "AD’s/ Lead Managers", Target: "By 31st January 2018",
						Text: "Implementation of single electronic system across the Council to capture all ‘Significant Contract’ management information relating to each contract, " +
							"providing greater visibility of KPIs; start, end and extension dates, including contacts and supporting documentation such as risk logs and variation agreements.",
						Resources: "Purchase of software (resource previously identified)", Status: "COMPLETE",
						Progress: "New corporate software system was awarded and is in place and operational with regards to ‘Significant Contracts’.\n\n" +
							"Super user training (‘train the trainer’) of 12 key staff across directorates is occurring during March and early April 2018, " +
							"with roll-out to approximately 80-100 officers afterwards to further strengthen organisational capability.",
					},
					{
						Ref: "1(iii)", Lead: "All CD’s", Target: "Commence 31st January 2018 (for Q3)",
						Text:      "All contracts regularly reviewed by Directorates through DMTs, resulting in quarterly exception reports and action plans, escalated to CMT.",
						Resources: "Officer time", Status: "ONGOING",
						Progress: "“Effective Contract Management” Guidance and Procedure note has been issued to Corporate Directors and acted upon in relation to them identifying " +
							"‘significant contracts’ and assessing their risk scores and associated mitigations.\n\n" +
							"The requirement has also been included in the Contract Procedure Rules approved at Council in January 2018.\n\n" +
							"Significant contract reviews have been undertaken by Directorates and CMT received headline reports from directorates on 21 February 2018.  " +
							"Future reports to CMT are timetabled on a quarterly basis focusing on exceptions. Deep dive items will be identified for detailed consideration by CMT",
					},
					{
						Ref: "1(iv)", Lead: "AD Finance", Target: "First report prepared by 31st May 2018",
						Text:      "Annual summary of issues raised and assessment of agreed actions to support Assurance Framework, reported to CMT",
						Resources: "Officer time", Status: "ON TARGET",
						Progress: "Summary Annual Report timetabled for CMT on 30 May 2018.\n\n" +
							"Strategic Business Assurance Framework adopted and in use by CMT from January 2018. " +
							"This enables CMT to have strategic oversight of governance and assurance, drawing on, for example, risk, audit reports, performance, " +
							"delivery of the capital programme, external regulator reports, and information governance, as well as significant contract matters",
					},
					{
						Ref: "1(v)", Lead: "AD Finance with AD Transformation", Target: "From 31st October to 31st March 2018",
						Text: "Risk Mgt assessment undertaken (with external challenge from Zurich Municipal) of a limited number of the Council’s significant contracts.  " +
							"Zurich Municipal methodology to be applied and rolled out by directorates",
						Resources: "Officer time and capacity from Zurich, using support provided through existing insurance arrangements.", Status: "ON TARGET",
						Progress: "Zurich Municipal carried out a review of the Commissioning, Procurement and Contract Management process on 18/19 January. " +
							"Three key contracts were included within this review.\n\n" +
							"By the time of Audit & Assurance Committee on 20 March, a draft report will have been received.\n\n" +
							"Further work will be undertaken to roll out the recommendations, including further risk management & elected member training.",
					},
				},
			},
			{
				No: "2",
				Text: "The Council must ensure there is appropriate senior oversight and approval of all new contracts prior to formally procuring such, " +
					"in order to ensure that the scope of each contract is fit for purpose ie contractual terms and conditions, and specification (including KPI requirements)",
				Refs: "R1",
				Actions: []action{
					{
						Ref: "2(i)", Lead: "CD Resources and Transformation", Target: "By 31st October 2017",
						Text:      "Process established to ensure contract ‘sign-off’ on all contract documents prior to formally procuring such, by relevant Assistant Director for commissioning.",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: "“Effective Contract Management” Guidance and Procedure note has been issued to Corporate Directors and includes this process.\n\n" +
							"Process ‘sign-off’ as per paragraph 5.30 in the Contract Procedure Rules is taking place. " +
							"Since 1 October 2017, 11 ‘People’ contracts and 148  ‘Capital/Infrastructure’ contracts – a total of 159 tender processes - " +
							"have been approved by Assistant Directors with commissioning responsibility in respect of each contract.  " +
							"This relates to 100% of tenders via Corporate Procurement team during this period.",
					},
					{
						Ref: "2(ii)", Lead: "AD’s", Target: "Prior to commissioning of each significant contract",
						Text: "Dedicated resources to be identified for the commissioning of contracts ie commissioning operational, legal, financial and procurement, " +
							"which may also include external specialist inputs at key stages in relation to complex and/or strategic/ high value contracts",
						Resources: "Officer time (and external resources where appropriate)", Status: "ONGOING",
						Progress: ecmActedUpon + "\n\n" +
							"As reported above, all tenders issued since 1 October have had Assistant Director level sign off following appropriate technical and specialist input.",
					},
				},
			},
			{
				No: "3",
				Text: "Corporate Directors to ensure there is appropriate contract management capacity, capability and challenge to support both contract development " +
					"and on-going contract management activities.\n\n" +
					"Where 3rd party oversees a Council contract, CMT to ensure roles and responsibilities are clear",
				Refs: "R2a, R2b",
				Actions: []action{
					{
						Ref: "3(i)", Lead: "All CD’s", Target: "By 31st January 2018",
						Text:      "Contract review by Directors, as identified in Action 1 above, to include assessment of capacity and capability",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: ecmActedUpon + "\n\n" +
							"Review of contract management arrangements and risk is now taking place. " +
							"Reports to CMT enable issues relating to capacity and capability to be identified and escalated as appropriate.",
					},
					{
						Ref: "3(ii)", Lead: "All CD’s", Target: "By 31st March 2018",
						Text:      "Corporate  Training programme refreshed to incorporate lessons learned from Amey",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: "Corporate Governance Training programme has been established with two parts:\n" +
							"• Part 1: Generic training to build awareness and understanding of Governance.\n" +
							"• Part 2: Focused training on CCC Governance and constitution.\n\n" +
							"Amey Lessons Learned has been incorporated into future Part 1 Corporate Governance Training.\n\n" +
							"Specific presentations have been developed to assist with the training above and to cascade through DMTs.",
					},
					{
						Ref: "3(iii)", Lead: "All CD’s", Target: "Commencing 1st November 2017 to 31st March 2018",
						Text: "Two-day corporate Contract Management workshops programme to be delivered to a target group of approximately 60 staff " +
							"who undertake contract management on behalf of the organisation.",
						Resources: deliveredThroughLD, Status: "ON TARGET",
						Progress: "Workshop approach has been developed and agreed with external provider.  " +
							"Workshops are currently taking place before 31st March deadline date.\n\n" +
							"Supplementary workshops have been requested for the highways service and these will take place after March.",
					},
				},
			},
			{
				No: "4",
				Text: "Performance and risk management arrangements are reviewed in relation to existing significant contracts. " +
					"Review to include assurance that KPIs, risks and data quality arrangements are robust, effectively managed and reported in a timely manner " +
					"to identify, challenge and resolve any underperformance or issues of concern promptly.\n\n" +
					"The opportunity to utilise the capacity and resources of its’ non-executive members to be explored",
				Refs: "R3a, R3b, R3c, R3d, R3e, R4, R5",
				Actions: []action{
					{
						Ref: "4(i)", Lead: "AD’s", Target: "By 31st January 2018",
						Text: "As per Actions 1 and 2 above, quarterly reviews of existing contracts to include assurance regarding KPI’s, risk and data quality arrangements " +
							"(underperformance to be escalated to DMT, and then if appropriate, to CMT)",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: ecmHasActedUpon + "\n\n" +
							"Review of contract management arrangements and risk is now taking place, with reports to CMT. " +
							"These include contract performance and enable CMT to consider any areas where performance is a concern and review actions in place to improve.\n\n" +
							"This will continue to be an ongoing process.",
					},
					{
						Ref: "4(ii)", Lead: "AD’s", Target: "By 31st March 2018",
						Text:      "Delivery of risk management training, targeted at commissioning, procurement and contract management staff",
						Resources: deliveredThroughLD, Status: "ON TARGET",
						Progress: "Dates have been identified for this training; 19, 22, 23 & 27 March and it is on target to be delivered by end March.",
					},
					{
						Ref: "4(iii)", Lead: "AD Transformation", Target: "By 31st March 2018",
						Text:      "Deliver programme of risk management training to Members",
						Resources: "Use of capacity from Zurich for Member Training\n\nMember and Officer time", Status: "ON TARGET",
						Progress: "Risk Management training has been included in the Members Development Programme and timetabled to take place on 28 March 2018.",
					},
				},
			},
		},
	},
	{
		No:   "2",
		Text: "Strong governance arrangements are in place for services delivered by external contract.",
		Recs: []rec{
			{
				No: "5",
				Text: "Engagement arrangements are improved so that the views of staff, members and partners at all levels are invited, in respect of contract delivery, " +
					"promptly considered and responded to.",
				Refs: "R5, R6",
				Actions: []action{
					{
						Ref: "5(i)", Lead: "Chief Executive", Target: "From 31st January 2018",
						Text:      "Escalation through DMT to CMT process in place. Member involvement to follow as appropriate.",
						Resources: "Officer time", Status: "ON TARGET",
						Progress: ecmHasActedUpon + "\n\n" +
							"Review of contract management arrangements and risk is now taking place at DMTs and CMT accordingly.",
					},
					{
						Ref: "5(ii)", Lead: ditto, Target: "By 1st April 2018",
						Text: "Development of a ‘Speak Up Policy’ to supplement the whistleblowing procedure, aimed at encouraging staff and partners " +
							"to raise issues of concern with senior managers in the Council in a safe environment",
						Resources: "Officer time", Status: "ON TARGET",
						Progress: "Draft Speak Up Policy drafted and reviewed by CMT 29 November 2017.\n\n" +
							"Date for discussion with Trade Unions is scheduled for 12 March 2018.\n\n" +
							"Consideration by Audit and Assurance Committee to follow TU meeting.",
					},
				},
			},
			{
				No: "6",
				Text: "The governance arrangements for commissioning, procurement and contract management activity are reviewed and communicated " +
					"to appropriate officers and Members to ensure decisions are taken by the correct people at the correct time",
				Refs: "R2b, R10",
				Actions: []action{
					{
						Ref: "6(i)", Lead: "Monitoring Officer", Target: "By 31st March 2018",
						Text: "The Monitoring Officer is currently undertaking a review of the Council’s Governance arrangements.  " +
							"The review will include a review of the Contract Procedure Rules and will take into account the recommendations of the Lessons Learned Report.",
						Resources: "Officer and Member time", Status: "COMPLETE",
						Progress: "Contract Procedure Rules were amended to take into account the recommendations from the Lessons Learned report " +
							"and agreed at Council in January 2018.\n\n" +
							"These changes clarify and strengthens the Council’s regulations of contract management and disputes arising from contracts.",
					},
					{
						Ref: "6(ii)", Lead: ditto, Target: ditto,
						Text:      "The review will form the basis of proposals to the Constitution Review Group to consider changes that it may want to recommend to full Council.",
						Resources: "Officer and Member time", Status: "COMPLETE",
						Progress: "As above 6(i)",
					},
				},
			},
			{
				No:   "7",
				Text: "Managers respond promptly to recommendations from internal and external Audit reports, peer reviews and lessons identified from project de-briefs",
				Refs: "R8a, R8b, R8c, R16",
				Actions: []action{
					{
						Ref: "7(i)", Lead: "All CD’s", Target: "Ongoing",
						Text: "Follow up arrangements with regard to internal audit reports in place with an agreed action plan to respond to common themes " +
							"raised in the annual audit report.",
						Resources: "Officer time", Status: "ONGOING",
						Progress: "An action plan to respond to the common themes raised in the Annual Internal Audit report for 2016-17 was developed and agreed by CMT " +
							"that was presented to Audit and Assurance\n\n" +
							"CMT receive a quarterly update on progress against the action plan and the first update was received was on 10 January 2018.   " +
							"At this meeting it was noted that progress has been made in a number of areas. " +
							"CMT agreed to ensure that the outcomes of audits were progressed in a timely way. See progress in relation to 7 (iii).",
					},
					{
						Ref: "7(ii)", Lead: ditto, Target: "Ongoing",
						Text:      "In circumstances where follow up audits identify continuing issues, reporting to A&A Committee will be undertaken by ADs.",
						Resources: "Officer and Member Time", Status: "ONGOING",
						Progress: "The outcomes of follow up audits are reported in the quarterly report on the Audit Plan. " +
							"Specific reports to Audit and Assurance Committee will be provided as necessary.",
					},
					{
						Ref: "7(iii)", Lead: ditto, Target: "From 1st October 2017",
						Text: "Action Plans in respect of Audit reports, peer reviews and major projects reported to DMTs, " +
							"and escalation of significant findings to CMT to take place.",
						Resources: "Officer time", Status: "ONGOING",
						Progress: "Business Managers have reviewed current arrangements to ensure that progress against actions identified and agreed to " +
							"in Audit Reports are regularly and robustly reviewed at DMTs.\n\n" +
							"The Business Assurance Framework includes Internal and External Audit along with Peer Reviews.",
					},
				},
			},
			{
				No: "8",
				Text: "Arrangements are in place to record key and other significant decisions, which clearly document the risks identified, " +
					"advice received and the reasons for the decisions",
				Refs: "R9",
				Actions: []action{
					{
						Ref: "8(i)", Lead: "Monitoring Officer", Target: "30th September 2017",
						Text: "Guidance and pro-formas to be developed describing the risks identified, legal and financial advice received and reason for decision.\n\n" +
							"Decisions log in place",
						Resources: "Officer time", Status: "COMPLETE",
						Progress: "The Officer Decision Record process was agreed by CMT on 30 August 2017, and has been implemented across directorates",
					},
				},
			},
		},
	},
	{
		No:   "3",
		Text: "The Council understands and effectively manages the risks, benefits and implications that disputes or litigation may present.",
		Recs: []rec{
			{
				No:   "9",
				Text: "Risks, benefits, costs and potential consequences of decisions that may lead to disputes or litigation are fully considered and documented",
				Refs: "R11, R13, R14",
				Actions: []action{
					{
						Ref: "9(i)", Lead: "All CD’s", Target: "As required",
						Text: "Report produced as part of escalation report to CMT in respect of formal contract disputes, " +
							"(Advice from external advisers, as necessary).",
						Resources: specialistInput, Status: "ONGOING",
						Progress: "“Effective Contract Management” Guidance and Procedure note has been issued to Corporate Directors, and are now being used. " +
							"See progress in relation to 1 (iii).\n\n" +
							"The Officer Decision Record process (agreed by CMT on 30 August 2017) also provides Corporate Directors with a method " +
							"to record decisions that they make in relation to issues requiring  escalation",
					},
				},
			},
			{
				No: "10",
				Text: "Where contract risks emerge which cannot be mitigated, or disputes arise which require formal escalation, clear, effective and timely arrangements " +
					"are in place to ensure the best outcome for the Council, and approach to settlement is determined.",
				Refs: "R12, R13",
				Actions: []action{
					{
						Ref: "10(i)", Lead: "Chief Executive", Target: "As required",
						Text: "Agreed action plan with Lead Members, which sets out Council’s approach (including resources), to contract dispute.\n\n" +
							"As litigation progresses the action plan is revised to reflect opportunities to settle.",
						Resources: "Officer and Member time", Status: "ONGOING",
						Progress: "As above 9",
					},
				},
			},
			{
				No: "11",
				Text: "If a contract dispute is formally escalated, effective capacity must be in place to respond to the dispute, " +
					"or/and subsequent litigation process.",
				Refs: "R15, R16, R17, R18, R19",
				Actions: []action{
					{
						Ref: "11(i)", Lead: "Chief Executive", Target: "As required",
						Text:      "Council team established, and responsibilities and reporting arrangements to CMT and Cabinet in place.",
						Resources: specialistInput + ".", Status: "ONGOING",
						Progress: "As above 9",
					},
				},
			},
		},
	},
	{
		No:   "4",
		Text: "The Council has effective communications and stakeholder relationships in place when contracts escalate towards formal dispute.",
		Recs: []rec{
			{
				No: "12",
				Text: "Communication and stakeholder engagement requirements are in place if contractual issues are escalated into formal dispute " +
					"(if not resolved)",
				Refs: "R20",
				Actions: []action{
					{
						Ref: "12(i)", Lead: "Chief Executive", Target: "As required",
						Text:      "Communications Plan agreed with Key Members.",
						Resources: "Officer and Member time", Status: "ONGOING",
						Progress: "Linked to 11 above",
					},
					{
						Ref: "12(ii)", Lead: ditto, Target: "As required",
						Text:      "Regular briefings of key stakeholders agreed, including External Auditor",
						Resources: "Officer and Stakeholder time", Status: "ONGOING",
						Progress: "Linked to 11 above",
					},
				},
			},
		},
	},
}
