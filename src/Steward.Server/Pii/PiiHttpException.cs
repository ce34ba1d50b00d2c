namespace Steward.Server.Pii;

/// <summary>A refused PII request with its HTTP status (400 or 413), rendered as problem details with Presidio's <c>error</c>.</summary>
internal sealed class PiiHttpException : Exception
{
    public PiiHttpException(int status, string message)
        : base(message)
    {
        Status = status;
    }

    public PiiHttpException()
        : this(400, "invalid request")
    {
    }

    public PiiHttpException(string message)
        : this(400, message)
    {
    }

    public PiiHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
    }

    public int Status { get; }
}
