using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Steward.Policy;
using Steward.Policy.Builtins;
using Steward.Policy.Decisions;
using Steward.Policy.Values;

namespace Steward.Sidecar.Tests.Support;

/// <summary>Starts real sidecars for tests.</summary>
public static class Sidecars
{
    /// <summary>
    /// A policy that needs no built-ins beyond operators: denies low confidence, the text "forbidden", non-JSON and a
    /// prediction holding <c>leak</c>; no <c>allow</c> rule, so an empty <c>deny</c> allows.
    /// </summary>
    public const string TestPolicy = """
        package ai_policy

        deny contains "low_confidence: confidence below 0.5" if input.prediction.confidence < 0.5

        deny contains "forbidden_text: the output says forbidden" if input.prediction.text == "forbidden"

        deny contains "not_json: the response is text/plain" if {
            input.phase == "response"
            input.prediction == null
            input.content_type == "text/plain; charset=utf-8"
        }

        deny contains "not_json: the response is not JSON" if {
            input.phase == "response"
            input.prediction == null
            input.content_type != "text/plain; charset=utf-8"
        }

        deny contains "prompt_forbidden: the request asks for forbidden things" if {
            input.phase == "request"
            input.request.body.prompt == "forbidden"
        }
        """;

    public static IPolicyDecisionPoint Embedded(string policy = TestPolicy, TimeSpan? timeout = null, BuiltinRegistry? builtins = null, Value? data = null) =>
        new EmbeddedDecisionPoint(CompiledPolicy.Compile([new PolicySource("test.rego", policy)], builtins),
            new EmbeddedDecisionOptions { Timeout = timeout ?? TimeSpan.FromSeconds(2), Data = data });

    public static async Task<(WebApplication App, Uri Address)> StartAsync(SidecarOptions options)
    {
        var app = SidecarHost.Build(options, logging => logging.ClearProviders());
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }

    public static SidecarOptions Options(Uri upstream, IPolicyDecisionPoint engine, Action<OutputPolicyOptions>? output = null, TimeSpan? upstreamTimeout = null)
    {
        var o = new OutputPolicyOptions { Source = "sidecar", Endpoint = "scoring" };
        output?.Invoke(o);
        return new SidecarOptions
        {
            Listen = new Uri("http://127.0.0.1:0"),
            Upstream = upstream,
            DecisionPoint = engine,
            Output = o,
            UpstreamTimeout = upstreamTimeout ?? TimeSpan.FromSeconds(100),
        };
    }
}
