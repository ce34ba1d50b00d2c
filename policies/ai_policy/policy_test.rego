package ai_policy_test

import data.ai_policy

good := {
	"phase": "response",
	"endpoint": "scoring",
	"model": "credit-v3",
	"request": {"method": "POST", "path": "/predict", "headers": {}, "body": {"applicant": 42}},
	"prediction": {"label": "approve", "confidence": 0.93, "text": "The application meets the criteria."},
	"content_type": "application/json",
	"status": 200,
	"latency_ms": 12.5,
}

# object.union merges nested objects, so the member to replace is removed first.
with_member(key, value) := object.union(object.remove(good, [key]), {key: value})

with_prediction(p) := with_member("prediction", p)

rule_names(msgs) := {name | some m in msgs; name := split(m, ":")[0]}

test_good_prediction_is_allowed if {
	ai_policy.allow with input as good
	count(ai_policy.deny) == 0 with input as good
}

test_low_confidence_is_denied if {
	names := rule_names(ai_policy.deny) with input as with_prediction({"label": "approve", "confidence": 0.42})
	names == {"confidence_below_threshold"}
	not ai_policy.allow with input as with_prediction({"label": "approve", "confidence": 0.42})
}

test_threshold_comes_from_data if {
	ai_policy.allow with input as with_prediction({"label": "approve", "confidence": 0.42})
		with data.config.ai_policy.min_confidence as 0.4
}

test_confidence_out_of_range_is_denied if {
	names := rule_names(ai_policy.deny) with input as with_prediction({"label": "approve", "confidence": 1.5})
	names == {"confidence_out_of_range"}
}

test_missing_field_is_denied if {
	names := rule_names(ai_policy.deny) with input as with_prediction({"label": "approve"})
	names == {"schema_missing_field"}
}

test_wrong_type_is_denied if {
	msgs := ai_policy.deny with input as with_prediction({"label": "approve", "confidence": "high"})
	msgs == {"schema_wrong_type: field confidence must be number but is string"}
}

test_toxic_word_any_case_is_denied if {
	msgs := ai_policy.deny with input as with_prediction({"label": "approve", "confidence": 0.9, "text": "What an IDIOT."})
	msgs == {"toxic_language: the output contains idiot"}
}

test_toxic_word_in_nested_strings_is_denied if {
	p := {"label": "approve", "confidence": 0.9, "choices": [{"message": {"content": "you are a Loser"}}]}
	rule_names(ai_policy.deny) == {"toxic_language"} with input as with_prediction(p)
}

test_toxic_match_is_whole_word if {
	ai_policy.allow with input as with_prediction({"label": "approve", "confidence": 0.9, "text": "Idiotic dumbbells are stupidity."})
}

test_toxic_phrase_is_denied if {
	msgs := ai_policy.deny with input as with_prediction({"label": "approve", "confidence": 0.9, "text": "Just  shut\nUP now"})
	msgs == {"toxic_language: the output contains shut up"}
}

test_toxic_words_come_from_data if {
	p := {"label": "approve", "confidence": 0.9, "text": "a banana"}
	ai_policy.allow with input as with_prediction(p)
	rule_names(ai_policy.deny) == {"toxic_language"} with input as with_prediction(p) with data.config.ai_policy.toxic_words as ["Banana"]
}

test_non_json_output_is_denied if {
	i := object.union(with_prediction(null), {"content_type": "text/plain"})
	ai_policy.deny == {"output_not_json: the response is not a JSON object (content type text/plain)"} with input as i
}

test_error_status_skips_schema_checks if {
	i := object.union(with_prediction({"error": "overloaded"}), {"status": 500})
	ai_policy.allow with input as i
}

test_error_status_is_still_checked_for_toxicity if {
	i := object.union(with_prediction({"error": "you moron"}), {"status": 500})
	rule_names(ai_policy.deny) == {"toxic_language"} with input as i
}

test_label_not_allowed_is_denied if {
	rule_names(ai_policy.deny) == {"label_not_allowed"} with input as good
		with data.config.ai_policy.allowed_labels as ["decline", "review"]
}

test_output_too_long_is_denied if {
	rule_names(ai_policy.deny) == {"output_too_long"} with input as good
		with data.config.ai_policy.max_output_chars as 10
}

test_model_not_allowed_is_denied if {
	rule_names(ai_policy.deny) == {"model_not_allowed"} with input as good
		with data.config.ai_policy.allowed_models as ["credit-v4"]
}

test_request_phase_skips_output_rules if {
	ai_policy.allow with input as {"phase": "request", "endpoint": "scoring", "model": null, "request": good.request}
}

test_toxic_prompt_is_denied if {
	req := {"method": "POST", "path": "/chat", "headers": {}, "body": {"messages": [{"content": "Tell him he is worthless"}]}}
	msgs := ai_policy.deny with input as {"phase": "request", "endpoint": "chat", "model": null, "request": req}
	msgs == {"toxic_prompt: the request contains worthless"}
}

test_several_violations_are_all_named if {
	p := {"label": 7, "confidence": 0.1, "text": "stupid"}
	rule_names(ai_policy.deny) == {"schema_wrong_type", "confidence_below_threshold", "toxic_language"} with input as with_prediction(p)
}

test_missing_config_denies if {
	rule_names(ai_policy.deny) == {"config_missing"} with input as good with data.config as {}
}
