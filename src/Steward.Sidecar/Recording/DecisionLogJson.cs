using System.Globalization;
using System.Text.Json;
using Steward.Policy.Values;

namespace Steward.Sidecar.Recording;

/// <summary>
/// Writes an event in OPA's decision-log shape: <c>labels</c>, <c>decision_id</c>, <c>path</c>, <c>input</c>,
/// <c>result</c> (absent when undefined), <c>timestamp</c> (RFC 3339, UTC), <c>metrics</c>, <c>error</c> (when the
/// decision failed) and Steward's <c>steward</c> object: <c>allowed</c>, <c>deny</c>, <c>consecutive_violations</c>, <c>phase</c>.
/// </summary>
internal static class DecisionLogJson
{
    public static void Write(Utf8JsonWriter writer, DecisionLogEvent e)
    {
        var d = e.Decision;
        writer.WriteStartObject();
        writer.WriteStartObject("labels");
        writer.WriteString("steward_source", e.Source);
        writer.WriteString("endpoint", e.Endpoint);
        writer.WriteEndObject();
        writer.WriteString("decision_id", d.DecisionId);
        writer.WriteString("path", d.Path.Slashed);
        writer.WritePropertyName("input");
        ValueJson.Write(writer, e.Input);
        if (d.Result is not null)
        {
            writer.WritePropertyName("result");
            ValueJson.Write(writer, d.Result);
        }

        writer.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        writer.WriteStartObject("metrics");
        writer.WriteNumber("timer_rego_query_eval_ns", (long)(d.Duration.TotalMilliseconds * 1_000_000));
        writer.WriteEndObject();
        if (d.Error is not null)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", d.Error.Code);
            writer.WriteString("message", d.Error.Message);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("steward");
        writer.WriteBoolean("allowed", d.Allowed);
        writer.WriteStartArray("deny");
        foreach (var message in d.Deny) writer.WriteStringValue(message);
        writer.WriteEndArray();
        writer.WriteNumber("consecutive_violations", e.ConsecutiveViolations);
        writer.WriteString("phase", e.Phase);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
