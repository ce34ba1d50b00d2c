using System.Text;
using System.Text.Json;
using Steward.Governance.Policies;
using Steward.Server.Auth;
using Steward.Server.Policies;

namespace Steward.Server.Apis;

/// <summary>
/// OPA's REST policy API (<c>/v1/policies</c>): Rego modules by id. A module that does not compile together with the
/// stored ones is refused (400 with every error's position) and nothing is written; each change is a ledger entry.
/// </summary>
internal static class OpaApiPolicies
{
    public static void MapOpaPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/policies").WithTags("OPA").WithOpaProblems();
        group.MapGet("", List).RequireAuthorization(AuthExtensions.Read)
            .WithName("OpaListPolicies").WithSummary("List the current modules (OPA: GET /v1/policies)");
        group.MapGet("/{**id}", Get).RequireAuthorization(AuthExtensions.Read)
            .WithName("OpaGetPolicy").WithSummary("Get a module (OPA: GET /v1/policies/{id})").ProducesProblem(404);
        group.MapPut("/{**id}", Put).RequireAuthorization(AuthExtensions.Admin)
            .WithName("OpaPutPolicy").WithSummary("Create or replace a module; the body is the Rego text (OPA: PUT /v1/policies/{id})")
            .Accepts<string>("text/plain").ProducesProblem(400);
        group.MapDelete("/{**id}", Delete).RequireAuthorization(AuthExtensions.Admin)
            .WithName("OpaDeletePolicy").WithSummary("Delete a module; its history stays (OPA: DELETE /v1/policies/{id})").ProducesProblem(404);
    }

    private static async Task<IResult> List(PolicyModuleStore store, CancellationToken ct)
    {
        var modules = await store.ListAsync(ct);
        return new OpaJsonResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("result");
            foreach (var m in modules) Write(w, m);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Get(PolicyModuleStore store, string? id, CancellationToken ct)
    {
        var module = await store.GetAsync(PolicyChecks.ModuleId(id), ct);
        return new OpaJsonResult(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("result");
            Write(w, module);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Put(HttpContext context, PolicyModuleStore store, PolicyService policies, string? id)
    {
        id = PolicyChecks.ModuleId(id);
        // OPA accepts the module text with any content type; so do we. It must be UTF-8.
        var bytes = await OpaInput.ReadAsync(context.Request, PolicyChecks.MaxModuleLength);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new OpaException(400, OpaCodes.InvalidParameter, "the module text is not UTF-8");
        }
        await store.PutAsync(context.User.Actor(), id, text, context.RequestAborted);
        policies.Invalidate();
        return OpaJsonResult.Empty;
    }

    private static async Task<IResult> Delete(HttpContext context, PolicyModuleStore store, PolicyService policies, string? id)
    {
        await store.DeleteAsync(context.User.Actor(), PolicyChecks.ModuleId(id), context.RequestAborted);
        policies.Invalidate();
        return OpaJsonResult.Empty;
    }

    private static void Write(Utf8JsonWriter w, PolicyModule m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("raw", m.Raw);
        w.WriteString("package", m.Package);
        w.WriteNumber("version", m.Version);
        w.WriteString("sha256", m.Sha256);
        w.WriteString("created_by", m.CreatedBy);
        w.WriteString("created_at", m.CreatedAt);
        w.WriteNumber("ledger_index", m.LedgerIndex);
        w.WriteEndObject();
    }
}
