using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Steward.Sidecar.Core;

namespace Steward.Sidecar.Middleware;

/// <summary>
/// The in-process form of the sidecar: the rest of the pipeline writes into a buffer; the buffered response is decided
/// and then written unchanged or replaced by the denial (403, or 503 when no decision could be made). A response
/// larger than the limit is withheld with 500. Place it after response compression in the pipeline (so it sees the
/// uncompressed body).
/// </summary>
internal sealed class OutputPolicyMiddleware(RequestDelegate next, OutputPolicyEvaluator evaluator)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var state = await evaluator.ReadRequestAsync(context).ConfigureAwait(false);
        if (state is null || !await evaluator.CheckRequestAsync(context, state).ConfigureAwait(false)) return;
        state = state with { StartedTimestamp = evaluator.Time.GetTimestamp() };

        var originalFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var buffer = new ResponseBuffer(evaluator.Options.MaxBodyBytes);
        await using (buffer.ConfigureAwait(false))
        {
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer, originalFeature));
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Features.Set(originalFeature);
            }

            if (buffer.Overflowed)
            {
                await evaluator.WithholdOversizedAsync(context, state, StatusCodes.Status500InternalServerError).ConfigureAwait(false);
                return;
            }

            var body = buffer.ToArray();
            var response = context.Response;
            var snapshot = new ResponseSnapshot(response.StatusCode, response.ContentType,
                response.Headers.ContentEncoding.Count == 0 ? null : response.Headers.ContentEncoding.ToString(),
                body, evaluator.Time.GetElapsedTime(state.StartedTimestamp));
            var decision = await evaluator.DecideResponseAsync(context, state, snapshot).ConfigureAwait(false);
            if (!decision.Allowed)
            {
                await Problems.WriteDenialAsync(context, decision, "response").ConfigureAwait(false);
                return;
            }

            if (body.Length > 0) await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
