# METADATA
# title: PII extension of the AI output policy
# description: |
#   Rule pii_detected: adds to data.ai_policy.deny when an output string holds personal data of a kind listed in
#   data.config.ai_policy.pii.deny_kinds. It calls steward.pii.find(text), a built-in that Steward's sidecar and
#   middleware register (C#: IPiiDetector; the default detects email, credit_card, us_ssn, phone). Load this module
#   only where that built-in exists: stock OPA does not know it (opa test policies --ignore extensions).
package ai_policy

deny contains msg if {
	input.phase == "response"
	kinds := {kind |
		walk(input.prediction, [_, s])
		is_string(s)
		some kind in steward.pii.find(s)
		kind in data.config.ai_policy.pii.deny_kinds
	}
	count(kinds) > 0
	msg := sprintf("pii_detected: the output contains personal data (%s)", [concat(", ", sort(kinds))])
}
