package ai_policy_pii_test

import data.ai_policy

response(text) := {
	"phase": "response",
	"endpoint": "chat",
	"model": null,
	"request": {"method": "POST", "path": "/chat", "headers": {}, "body": null},
	"prediction": {"label": "answer", "confidence": 0.9, "text": text},
	"content_type": "application/json",
	"status": 200,
	"latency_ms": 3,
}

test_email_is_denied if {
	ai_policy.deny == {"pii_detected: the output contains personal data (email)"} with input as response("write to jane.doe@example.com")
}

test_card_and_ssn_are_named if {
	msgs := ai_policy.deny with input as response("card 4111 1111 1111 1111, ssn 123-45-6789")
	msgs == {"pii_detected: the output contains personal data (credit_card, us_ssn)"}
}

test_kinds_come_from_data if {
	ai_policy.allow with input as response("write to jane.doe@example.com") with data.config.ai_policy.pii.deny_kinds as ["us_ssn"]
}

test_clean_text_is_allowed if {
	ai_policy.allow with input as response("order 12345 ships on Monday")
}
