# METADATA
# title: AI output policy
# description: |
#   Decides model responses (input.phase "response") and, with --check-request, requests ("request").
#   allow is true when deny is empty; every deny message starts with the rule's name.
#   Settings live in data.config.ai_policy (policies/config/ai_policy/data.json): change them without code.
package ai_policy

config := data.config.ai_policy

default allow := false

allow if count(deny) == 0

response if input.phase == "response"

request if input.phase == "request"

ok_status if {
	input.status >= 200
	input.status < 300
}

# The prediction that the schema and confidence rules read: a JSON object from a successful response.
prediction := input.prediction if {
	response
	ok_status
	is_object(input.prediction)
}

# Rule config_missing: without settings the other rules could not fire; refuse rather than pass everything.
deny contains "config_missing: data.config.ai_policy is not loaded" if not data.config.ai_policy

# Rule output_not_json: a successful response must be a JSON object (the sidecar passes prediction null for others);
# a response that has no body by definition (HEAD, 204) is exempt.
# The test that nearly always fails (a JSON object is the usual answer) comes first, so most decisions stop there.
deny contains msg if {
	not is_object(input.prediction)
	response
	ok_status
	input.status != 204
	input.request.method != "HEAD"
	msg := sprintf("output_not_json: the response is not a JSON object (content type %v)", [input.content_type])
}

# Rule schema_missing_field: every field in config.schema.required must be present.
deny contains msg if {
	p := prediction
	some field, _ in config.schema.required
	not has_key(p, field)
	msg := sprintf("schema_missing_field: the output has no field %s", [field])
}

# Rule schema_wrong_type: a required field has the type given in config.schema.required (OPA's type names).
deny contains msg if {
	some field, want in config.schema.required
	value := prediction[field]
	got := type_name(value)
	got != want
	msg := sprintf("schema_wrong_type: field %s must be %s but is %s", [field, want, got])
}

# Rule confidence_out_of_range: a confidence is a probability.
deny contains msg if {
	c := prediction[config.confidence_field]
	is_number(c)
	not in_unit_interval(c)
	msg := sprintf("confidence_out_of_range: confidence %v is not between 0 and 1", [c])
}

# Rule confidence_below_threshold: the model must be at least config.min_confidence sure.
deny contains msg if {
	c := prediction[config.confidence_field]
	is_number(c)
	in_unit_interval(c)
	c < config.min_confidence
	msg := sprintf("confidence_below_threshold: confidence %v is below the minimum %v", [c, config.min_confidence])
}

# Rule label_not_allowed: when config.allowed_labels is not empty, the label must be one of them.
deny contains msg if {
	count(config.allowed_labels) > 0
	label := prediction[config.label_field]
	not label in config.allowed_labels
	msg := sprintf("label_not_allowed: label %v is not one of the allowed labels", [label])
}

# Rule toxic_language: no word or phrase of config.toxic_words in any string of the output (whole words, any case).
deny contains msg if {
	response
	hits := toxic_hits(output_strings)
	count(hits) > 0
	msg := sprintf("toxic_language: the output contains %s", [concat(", ", sort(hits))])
}

# Rule toxic_prompt: the same check on the strings of a JSON or text request body (with --check-request).
deny contains msg if {
	request
	hits := toxic_hits(request_strings)
	count(hits) > 0
	msg := sprintf("toxic_prompt: the request contains %s", [concat(", ", sort(hits))])
}

# Rule output_too_long: the strings of the output hold at most config.max_output_chars characters.
deny contains msg if {
	response
	total := sum([count(s) | some s in output_strings])
	total > config.max_output_chars
	msg := sprintf("output_too_long: the output holds %v characters, more than %v", [total, config.max_output_chars])
}

# Rule model_not_allowed: when config.allowed_models is not empty, the model must be one of them.
deny contains msg if {
	count(config.allowed_models) > 0
	is_string(input.model)
	not input.model in config.allowed_models
	msg := sprintf("model_not_allowed: model %s is not allowed", [input.model])
}

has_key(obj, key) if {
	_ = obj[key]
}

in_unit_interval(c) if {
	c >= 0
	c <= 1
}

output_strings contains s if {
	walk(input.prediction, [_, s])
	is_string(s)
}

request_strings contains s if {
	walk(input.request.body, [_, s])
	is_string(s)
}

# Word-list toxicity. The words and phrases in config.toxic_words become one case-insensitive pattern of
# whole words ("shut up" also matches "Shut\n  UP"). It depends on data only, so the engine builds it once per
# data document, and each string is scanned once. The pattern is RE2 (no look-around), so it runs on OPA too.
letters := `\p{L}\p{N}'`

toxic_alternatives contains alt if {
	some entry in config.toxic_words
	parts := word_list(entry)
	count(parts) > 0
	alt := concat(sprintf("[^%s]+", [letters]), parts)
}

toxic_pattern := sprintf(`(?i)(?:^|[^%s])(%s)(?:$|[^%s])`, [letters, concat("|", toxic_alternatives), letters])

# The toxic words and phrases found in some strings, written lower case with single spaces.
toxic_hits(strings) := {concat(" ", word_list(m[1])) |
	count(toxic_alternatives) > 0
	some s in strings
	regex.match(toxic_pattern, s)
	some m in regex.find_all_string_submatch_n(toxic_pattern, s, -1)
}

word_list(s) := [w | some w in regex.split(sprintf("[^%s]+", [letters]), lower(s)); w != ""]
