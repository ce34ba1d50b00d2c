using Steward.Policy;

namespace Steward.Server.Policies;

/// <summary>An error answer of the OPA-compatible API, rendered as problem details with OPA's <c>code</c>, <c>message</c> and <c>errors</c>.</summary>
internal sealed class OpaException : Exception
{
    public OpaException(int status, string code, string message, IReadOnlyList<RegoError>? errors = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Errors = errors ?? [];
    }

    public OpaException()
        : this(500, OpaCodes.Internal, "internal error")
    {
    }

    public OpaException(string message)
        : this(400, OpaCodes.InvalidParameter, message)
    {
    }

    public OpaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Code = OpaCodes.InvalidParameter;
        Errors = [];
    }

    public int Status { get; }

    public string Code { get; }

    public IReadOnlyList<RegoError> Errors { get; }
}

/// <summary>OPA's REST API error codes.</summary>
internal static class OpaCodes
{
    public const string InvalidParameter = "invalid_parameter";
    public const string NotFound = "resource_not_found";
    public const string Internal = "internal_error";
    public const string Unauthorized = "unauthorized";
    public const string Conflict = "resource_conflict";
}
