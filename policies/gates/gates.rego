# METADATA
# title: Lifecycle gates
# description: |
#   Decides whether an AI system may move to another lifecycle stage. Steward evaluates data.steward.gates.unmet
#   over the system's governance state; the move is allowed when the set is empty. Each element is
#   {"rule": name, "message": what to do}, written for the person who asked.
#   Input: system {id, name, stage, risk_tier, ...}, to, actor, now (RFC 3339), and the facts Steward collects:
#   assessments, decisions (with current_decisions: the newest uncorrected one per type), findings, tickets,
#   datasets, models (see docs/LIFECYCLE.md).
#   Settings live in data.config.gates; changing them, like changing this module, is a recorded policy change.
package steward.gates

stages := ["intake", "risk_assessment", "development", "validation", "deployment", "monitoring", "retired"]

defaults := {
	"assessment_max_age_days": 365,
	"blocking_severities": ["critical", "high"],
	"production_stages": ["deployment", "monitoring"],
	"sequential": false,
	"require_clean_pii_scan": false,
}

configured := c if {
	c := data.config.gates
	is_object(c)
} else := {}

settings := object.union(defaults, configured)

stage_index(name) := i if stages[i] == name

from := stage_index(input.system.stage)

to := stage_index(input.to)

# Requirements guard moves forward. Going back (for rework) and retiring are always possible.
forward if {
	to > from
	input.to != "retired"
}

production if {
	forward
	input.to in settings.production_stages
}

unmet contains {"rule": "stage_unknown", "message": msg} if {
	not to
	msg := sprintf("%v is not a lifecycle stage; the stages are %s", [input.to, concat(", ", stages)])
}

unmet contains {"rule": "stage_unchanged", "message": msg} if {
	input.to == input.system.stage
	msg := sprintf("the system is already in stage %s", [input.to])
}

unmet contains {"rule": "retired_is_final", "message": msg} if {
	input.system.stage == "retired"
	input.to != "retired"
	msg := "a retired system stays retired; register a new system for a successor"
}

# With settings.sequential, a system advances one stage at a time.
unmet contains {"rule": "stage_skipped", "message": msg} if {
	settings.sequential
	forward
	to > from + 1
	msg := sprintf("advance one stage at a time: the next stage after %s is %s", [input.system.stage, stages[from + 1]])
}

# --- Risk assessment: nothing past intake before an approved risk assessment. ---

passed(a) if {
	a.status == "approved"
	a.outcome == "passed"
}

approved_assessments := [a | some a in input.assessments; passed(a)]

unmet contains {"rule": "risk_assessment_approved", "message": msg} if {
	forward
	count(approved_assessments) == 0
	msg := sprintf("no approved risk assessment with outcome passed: %s", [assessment_hint])
}

# Ids are UUIDv7, so the largest id is the newest record.
latest_assessment := a if {
	newest := max({x.id | some x in input.assessments})
	some a in input.assessments
	a.id == newest
}

assessment_hint := hint(latest_assessment) if latest_assessment
else := sprintf("start one (steward assess start --system %s), submit it, and have another person with the approver role approve it", [input.system.id])

hint(a) := sprintf("assessment %s was approved with outcome %s; address it and re-assess", [a.id, a.outcome]) if {
	a.status == "approved"
} else := sprintf("assessment %s was invalidated (%s); start a new one", [a.id, reason_of(a)]) if {
	a.status == "invalidated"
} else := sprintf("assessment %s was rejected; start a new one that addresses the reasons", [a.id]) if {
	a.status == "rejected"
} else := sprintf("assessment %s is submitted and needs the approval of a second person with the approver role", [a.id]) if {
	a.status == "submitted"
} else := sprintf("assessment %s is still a draft; answer it and submit it", [a.id])

unmet contains {"rule": "blocking_ticket_open", "message": msg} if {
	forward
	some t in input.tickets
	t.blocking
	not t.status in {"done", "cancelled"}
	msg := sprintf("ticket %s (%s) is %s and blocks progress", [t.key, t.title, t.status])
}

reason_of(a) := a.invalidation_reason if is_string(a.invalidation_reason)
else := "no reason given"

# --- Deployment: business approval, ethical review, no open critical or high finding, a current assessment. ---

# input.current_decisions holds, per type, the newest decision no later one superseded (Steward derives it from
# input.decisions, where every decision carries "superseded").
latest_decision(type) := input.current_decisions[type]

unmet contains {"rule": "business_approval", "message": msg} if {
	production
	not latest_decision("business_approval").outcome == "approved"
	msg := decision_message("business_approval", "a business approval")
}

unmet contains {"rule": "ethical_review", "message": msg} if {
	production
	not latest_decision("ethical_review").outcome == "approved"
	msg := decision_message("ethical_review", "an ethical review")
}

decision_message(type, what) := sprintf("%s was rejected by %s in decision %s; record a new %s decision that approves", [what, d.actor, d.id, type]) if {
	d := latest_decision(type)
	d.outcome != "approved"
} else := sprintf("%s is missing: record a decision of type %s with outcome approved about this system", [what, type])

decisions_by_id := {d.id: d | some d in input.decisions}

accepted_by_decision(f) if {
	f.status == "risk_accepted"
	d := decisions_by_id[f.risk_acceptance]
	d.type == "risk_acceptance"
	d.outcome == "approved"
	not d.superseded
}

unmet contains {"rule": "open_finding", "message": msg} if {
	production
	some f in input.findings
	f.severity in settings.blocking_severities
	f.status != "mitigated"
	not accepted_by_decision(f)
	msg := finding_message(f)
}

finding_message(f) := sprintf("red-team finding %s (%s, %q) has a risk acceptance %v that is not an approved, current risk_acceptance decision about this system", [f.id, f.severity, f.title, f.risk_acceptance]) if {
	f.status == "risk_accepted"
} else := sprintf("red-team finding %s (%s, %q) is %s: mitigate it, or record a risk_acceptance decision and mark the finding risk_accepted", [f.id, f.severity, f.title, f.status])

ns_per_day := 86400000000000

age_days(a) := (time.parse_rfc3339_ns(input.now) - time.parse_rfc3339_ns(a.approved_at)) / ns_per_day

current_assessments := [a | some a in approved_assessments; age_days(a) <= settings.assessment_max_age_days]

unmet contains {"rule": "assessment_current", "message": msg} if {
	production
	count(approved_assessments) > 0
	count(current_assessments) == 0
	newest := max([a.approved_at | some a in approved_assessments])
	msg := sprintf("the newest approved risk assessment (approved %s) is older than %v days; re-assess the system", [newest, settings.assessment_max_age_days])
}

# --- PII scans: with settings.require_clean_pii_scan, a system's datasets need a clean scan before development. ---
# input.pii_scans holds, per dataset of the system, its newest completed scan; "clean" means it passed its rule and
# was of the dataset's registered SHA-256. The same setting makes dataset_approval decisions require a clean scan.

unmet contains {"rule": "pii_scan_clean", "message": msg} if {
	settings.require_clean_pii_scan == true
	forward
	to >= stage_index("development")
	some s in input.pii_scans
	not s.clean
	msg := pii_scan_message(s)
}

pii_scan_message(s) := sprintf("dataset %s (%s) has no PII scan: run steward pii scan FILE --dataset %s", [s.dataset_name, s.dataset_id, s.dataset_id]) if {
	s.scan_id == null
} else := sprintf("the newest PII scan of dataset %s (%s) was not of its registered SHA-256; scan the registered file", [s.dataset_name, s.dataset_id]) if {
	not s.current
} else := sprintf("the newest PII scan of dataset %s (%s) failed its rule; redact the data and scan again", [s.dataset_name, s.dataset_id])
