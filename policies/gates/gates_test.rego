package steward.gates_test

import data.steward.gates

system(stage) := {"id": "s1", "name": "credit-scoring", "stage": stage, "risk_tier": "high"}

passed_assessment := {
	"id": "0190a000-0000-7000-8000-000000000001", "template": "ai-risk", "template_version": 1,
	"status": "approved", "outcome": "passed", "approved_by": "bob", "approved_at": "2026-06-01T00:00:00Z",
}

approval(id, type, outcome) := {
	"id": id, "type": type, "outcome": outcome, "actor": "carol", "recorded_at": "2026-06-02T00:00:00Z",
	"supersedes": null, "superseded": false,
}

# What Steward derives from a list of decisions: the superseded flags and the newest current one per type.
with_decisions(base, list) := object.union(base, {"decisions": marked, "current_decisions": current}) if {
	gone := {d.supersedes | some d in list; d.supersedes}
	marked := [object.union(d, {"superseded": d.id in gone}) | some d in list]
	current := {t: d |
		some t in {x.type | some x in marked}
		ids := [x.id | some x in marked; x.type == t; not x.superseded]
		count(ids) > 0
		some d in marked
		d.id == max(ids)
	}
}

ready := with_decisions({
	"system": system("validation"), "to": "deployment", "actor": "alice", "now": "2026-07-01T00:00:00Z",
	"assessments": [passed_assessment],
	"findings": [{"id": "f1", "severity": "medium", "status": "open", "title": "typo flips label", "risk_acceptance": null}],
	"tickets": [{"id": "t1", "key": "STW-1", "kind": "ai_risk_assessment", "status": "done", "blocking": true, "title": "AI Risk Assessment"}],
	"datasets": [], "models": [],
}, [approval("d1", "business_approval", "approved"), approval("d2", "ethical_review", "approved")])

fresh := {
	"system": system("intake"), "to": "risk_assessment", "actor": "alice", "now": "2026-07-01T00:00:00Z",
	"assessments": [], "decisions": [], "current_decisions": {}, "findings": [], "datasets": [], "models": [],
	"tickets": [{"id": "t1", "key": "STW-1", "kind": "ai_risk_assessment", "status": "open", "blocking": true, "title": "AI Risk Assessment"}],
}

rules(set) := {u.rule | some u in set}

test_ready_system_may_deploy if {
	count(gates.unmet) == 0 with input as ready
}

test_fresh_system_cannot_leave_intake if {
	rules(gates.unmet) == {"risk_assessment_approved", "blocking_ticket_open"} with input as fresh
}

test_fresh_system_may_retire if {
	count(gates.unmet) == 0 with input as object.union(fresh, {"to": "retired"})
}

test_going_back_needs_nothing if {
	count(gates.unmet) == 0 with input as object.union(fresh, {"system": system("deployment"), "to": "development"})
}

test_deployment_lists_every_missing_requirement if {
	got := rules(gates.unmet) with input as object.union(fresh, {"to": "deployment", "findings": [
		{"id": "f2", "severity": "critical", "status": "open", "title": "prompt injection", "risk_acceptance": null},
	]})
	got == {"risk_assessment_approved", "blocking_ticket_open", "business_approval", "ethical_review", "open_finding"}
}

test_rejected_business_approval_is_named if {
	some u in gates.unmet with input as with_decisions(ready, [
		approval("d1", "business_approval", "rejected"), approval("d2", "ethical_review", "approved"),
	])
	u.rule == "business_approval"
	contains(u.message, "rejected by carol in decision d1")
}

test_superseded_approval_does_not_count if {
	rules(gates.unmet) == {"ethical_review"} with input as with_decisions(ready, [
		approval("d1", "business_approval", "approved"), approval("d2", "ethical_review", "approved"),
		object.union(approval("d3", "ethical_review", "approved"), {"supersedes": "d2"}),
		object.union(approval("d4", "ethical_review", "rejected"), {"supersedes": "d3"}),
	])
}

test_risk_accepted_finding_needs_a_current_acceptance if {
	accepted := {"id": "f2", "severity": "high", "status": "risk_accepted", "title": "extraction", "risk_acceptance": "d9"}
	rules(gates.unmet) == {"open_finding"} with input as object.union(ready, {"findings": [accepted]})
	count(gates.unmet) == 0 with input as with_decisions(object.union(ready, {"findings": [accepted]}), [
		approval("d1", "business_approval", "approved"), approval("d2", "ethical_review", "approved"),
		approval("d9", "risk_acceptance", "approved"),
	])
	rules(gates.unmet) == {"open_finding"} with input as with_decisions(object.union(ready, {"findings": [accepted]}), [
		approval("d1", "business_approval", "approved"), approval("d2", "ethical_review", "approved"),
		approval("d9", "risk_acceptance", "approved"), object.union(approval("d10", "risk_acceptance", "rejected"), {"supersedes": "d9"}),
	])
}

test_old_assessment_is_not_current if {
	rules(gates.unmet) == {"assessment_current"} with input as object.union(ready, {"now": "2027-07-01T00:00:00Z"})
	count(gates.unmet) == 0 with input as object.union(ready, {"now": "2027-07-01T00:00:00Z"})
		with data.config.gates.assessment_max_age_days as 400
}

test_invalidated_assessment_is_explained if {
	invalid := object.union(passed_assessment, {"status": "invalidated", "invalidation_reason": "purpose changed"})
	some u in gates.unmet with input as object.union(ready, {"assessments": [invalid]})
	u.rule == "risk_assessment_approved"
	contains(u.message, "invalidated (purpose changed)")
}

test_sequential_setting_refuses_skips if {
	rules(gates.unmet) == {"stage_skipped"} with input as object.union(ready, {"system": system("development")})
		with data.config.gates.sequential as true
	count(gates.unmet) == 0 with input as object.union(ready, {"system": system("development")})
}

test_unknown_and_unchanged_stages if {
	rules(gates.unmet) == {"stage_unknown"} with input as object.union(ready, {"to": "production"})
	rules(gates.unmet) == {"stage_unchanged"} with input as object.union(ready, {"to": "validation"})
	rules(gates.unmet) == {"retired_is_final"} with input as object.union(fresh, {"system": system("retired"), "to": "intake"})
}
