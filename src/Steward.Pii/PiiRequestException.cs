namespace Steward.Pii;

/// <summary>A request the engine cannot serve: an unknown language or entity, or an invalid pattern. Maps to HTTP 400.</summary>
public sealed class PiiRequestException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public PiiRequestException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public PiiRequestException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public PiiRequestException() { }
}
