using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Steward.Governance.Policies;
using Steward.Policy.Values;
using Steward.Server.Auth;
using Steward.Server.Policies;

namespace Steward.Server.Apis;

/// <summary>
/// OPA's REST data API (<c>/v1/data</c>): evaluate a document with an input, write base documents. Any Steward
/// role may evaluate; writing needs admin. Errors are problem details carrying OPA's <c>code</c> and <c>message</c>.
/// </summary>
internal static class OpaApi
{
    public const string DecisionIdHeader = "X-Steward-Decision-Id";

    public static void MapOpaApi(this IEndpointRouteBuilder app)
    {
        var data = app.MapGroup("/v1/data").WithTags("OPA").WithOpaProblems();
        data.MapPost("/{**path}", Post).RequireAuthorization(AuthExtensions.Read)
            .WithName("OpaEvaluatePost").WithSummary("Evaluate the document at a path with {\"input\": ...} (OPA: POST /v1/data/{path})")
            .Accepts<JsonObject>("application/json").ProducesProblem(400).ProducesProblem(500);
        data.MapGet("/{**path}", Get).RequireAuthorization(AuthExtensions.Read)
            .WithName("OpaEvaluateGet").WithSummary("Evaluate the document at a path, input as ?input=JSON (OPA: GET /v1/data/{path})")
            .ProducesProblem(400).ProducesProblem(500);
        data.MapPut("/{**path}", Put).RequireAuthorization(AuthExtensions.Admin)
            .WithName("OpaPutData").WithSummary("Write a base (data) document at a path (OPA: PUT /v1/data/{path})")
            .Accepts<JsonNode>("application/json").Produces(204).ProducesProblem(400);
        data.MapDelete("/{**path}", Delete).RequireAuthorization(AuthExtensions.Admin)
            .WithName("OpaDeleteData").WithSummary("Delete a base (data) document (OPA: DELETE /v1/data/{path})")
            .Produces(204).ProducesProblem(404);
    }

    private static async Task<IResult> Post(HttpContext context, PolicyService policies, IOptions<PolicyOptions> options, string? path)
    {
        var segments = Segments(path);
        var (_, input) = await OpaInput.FromBodyAsync(context.Request, options.Value);
        return await EvaluateAsync(context, policies, segments, input);
    }

    private static async Task<IResult> Get(HttpContext context, PolicyService policies, IOptions<PolicyOptions> options, string? path)
    {
        var segments = Segments(path);
        var (_, input) = OpaInput.FromQuery(context.Request, options.Value);
        return await EvaluateAsync(context, policies, segments, input);
    }

    private static async Task<IResult> EvaluateAsync(HttpContext context, PolicyService policies, IReadOnlyList<string> path, JsonNode? input)
    {
        var evaluation = await policies.EvaluateAsync(path, input, context.User.Actor(), context.RequestAborted);
        context.Response.Headers[DecisionIdHeader] = evaluation.DecisionId;
        if (evaluation.Error is { } error)
        {
            // Fail closed: the caller gets an error and no result.
            return OpaProblems.Problem(StatusCodes.Status500InternalServerError, OpaCodes.Internal, $"{error.Code}: {error.Message} (decision {evaluation.DecisionId})", [error]);
        }
        if (evaluation.Result is null) return OpaJsonResult.Empty;
        var result = evaluation.Result;
        return new OpaJsonResult(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("result");
            ValueJson.Write(w, result);
            w.WriteString("decision_id", evaluation.DecisionId);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Put(HttpContext context, PolicyDataStore store, PolicyService policies, IOptions<PolicyOptions> options, string? path)
    {
        var segments = Segments(path);
        var bytes = await OpaInput.ReadAsync(context.Request, options.Value.MaxInputBytes);
        if (bytes.Length == 0) throw new OpaException(400, OpaCodes.InvalidParameter, "body is required (a JSON document)");
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(false, true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new OpaException(400, OpaCodes.InvalidParameter, "body is not UTF-8");
        }
        await store.PutAsync(context.User.Actor(), segments, text, context.RequestAborted);
        policies.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> Delete(HttpContext context, PolicyDataStore store, PolicyService policies, string? path)
    {
        await store.DeleteAsync(context.User.Actor(), Segments(path), context.RequestAborted);
        policies.Invalidate();
        return TypedResults.NoContent();
    }

    private static IReadOnlyList<string> Segments(string? path) => PolicyChecks.DataPath(path);
}
