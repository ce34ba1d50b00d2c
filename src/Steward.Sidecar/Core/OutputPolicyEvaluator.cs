using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Steward.Policy.Decisions;
using Steward.Sidecar.Recording;

namespace Steward.Sidecar.Core;

/// <summary>
/// The evaluation core shared by the sidecar proxy and the middleware: reads the request within the size limit,
/// decides the request (when asked) and the response, records the decisions and writes the denials.
/// </summary>
internal sealed class OutputPolicyEvaluator
{
    private readonly IPolicyDecisionPoint _decisions;

    public OutputPolicyEvaluator(OutputPolicyOptions options, DecisionRecorder recorder, TimeProvider time)
    {
        options.Validate();
        Options = options;
        Recorder = recorder;
        Time = time;
        _decisions = options.DecisionPoint!;
    }

    public OutputPolicyOptions Options { get; }

    public DecisionRecorder Recorder { get; }

    public TimeProvider Time { get; }

    /// <summary>
    /// Reads the request body (leaving a rewound copy for the next handler) and builds the request document; null after
    /// answering 413 when the body is larger than the limit.
    /// </summary>
    public async Task<RequestState?> ReadRequestAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = Options.MaxBodyBytes;
        byte[] body = [];
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;
        if (canHaveBody && request.ContentLength != 0)
        {
            var read = request.ContentLength > limit ? null : await Bodies.ReadCappedAsync(request.Body, limit, context.RequestAborted, request.ContentLength).ConfigureAwait(false);
            if (read is null)
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, Problems.RequestTooLarge,
                    "The request body is too large to inspect", $"the request body exceeds {limit} bytes").ConfigureAwait(false);
                return null;
            }

            body = read;
            request.Body = new MemoryStream(body, writable: false);
        }

        var document = DecisionInput.RequestDocument(request, body);
        var endpoint = Options.EndpointSelector?.Invoke(context) ?? Options.Endpoint;
        return new RequestState(document, DecisionInput.Model(Options.Model, document), endpoint, Time.GetTimestamp()) { Body = body };
    }

    /// <summary>Decides the request when <see cref="OutputPolicyOptions.CheckRequest"/> is set; false after answering the denial.</summary>
    public async Task<bool> CheckRequestAsync(HttpContext context, RequestState state)
    {
        if (!Options.CheckRequest) return true;
        var input = DecisionInput.ForRequest(state.Request, state.Endpoint, state.Model);
        var decision = await _decisions.DecideAsync(Options.Policy, input, context.RequestAborted).ConfigureAwait(false);
        Recorder.Observe(state.Endpoint, "request", decision, input);
        if (decision.Allowed) return true;
        await Problems.WriteDenialAsync(context, decision, "request").ConfigureAwait(false);
        return false;
    }

    /// <summary>Decides a buffered response and records the decision; the caller forwards or withholds it.</summary>
    public async Task<PolicyDecision> DecideResponseAsync(HttpContext context, RequestState state, ResponseSnapshot response)
    {
        var decoded = Bodies.Decoded(response.Body, response.ContentEncoding, Options.MaxBodyBytes);
        var prediction = decoded is null ? null : Bodies.Json(decoded, response.ContentType);
        var input = DecisionInput.ForResponse(state.Request, state.Endpoint, state.Model, response, prediction);
        var decision = await _decisions.DecideAsync(Options.Policy, input, context.RequestAborted).ConfigureAwait(false);
        Recorder.Observe(state.Endpoint, "response", decision, input);
        return decision;
    }

    /// <summary>Answers 502 for a response larger than the limit and records it as a denial.</summary>
    public Task WithholdOversizedAsync(HttpContext context, RequestState state, int status)
    {
        var error = new PolicyDecisionError("response_too_large", $"the response body exceeds {Options.MaxBodyBytes} bytes and was not inspected");
        var decision = new PolicyDecision(Guid.CreateVersion7(Time.GetUtcNow()).ToString(), Options.Policy, false, [error.ToString()], null, TimeSpan.Zero, error);
        var input = DecisionInput.ForRequest(state.Request, state.Endpoint, state.Model);
        Recorder.Observe(state.Endpoint, "response", decision, input);
        return Problems.WriteAsync(context, status, Problems.ResponseTooLarge, "The response is too large to inspect; it was withheld",
            error.Message, w =>
            {
                w.WriteString("decision_id", decision.DecisionId);
                w.WriteString("policy", decision.Path.Dotted);
            });
    }
}
