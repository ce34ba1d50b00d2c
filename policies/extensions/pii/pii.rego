# PII extension of the AI output policy (a plain comment: the package annotation of package ai_policy is in
# ai_policy/policy.rego, and OPA allows one per package).
#
# Rule pii_detected: adds to data.ai_policy.deny when an output string (ai_policy's output_strings) holds
# personal data of a kind listed in data.config.ai_policy.pii.deny_kinds. It calls steward.pii.find(text), a
# built-in that Steward's sidecar and middleware register (C#: IPiiDetector; the default detects email,
# credit_card, us_ssn, phone). A second rule, pii_entity_detected, asks Steward's PII analyzer
# (pii.analyze(text), registered by the server and the sidecar) for the entity types listed in
# data.config.ai_policy.pii.deny_entities (Presidio's names: CREDIT_CARD, US_SSN, IBAN_CODE, ...; empty by
# default, which turns it off). Load this module only where those built-ins exist: stock OPA does not know
# them (opa test policies --ignore extensions).
package ai_policy

deny contains msg if {
	input.phase == "response"
	kinds := {kind |
		some s in output_strings
		some kind in steward.pii.find(s)
		kind in data.config.ai_policy.pii.deny_kinds
	}
	count(kinds) > 0
	msg := sprintf("pii_detected: the output contains personal data (%s)", [concat(", ", sort(kinds))])
}

deny contains msg if {
	input.phase == "response"
	wanted := {e | some e in data.config.ai_policy.pii.deny_entities}
	count(wanted) > 0
	found := {r.entity_type |
		some s in output_strings
		some r in pii.analyze(s)
		r.entity_type in wanted
	}
	count(found) > 0
	msg := sprintf("pii_entity_detected: the output contains personal data (%s)", [concat(", ", sort(found))])
}
