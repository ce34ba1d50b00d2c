namespace Steward.Drift;

/// <summary>A request the drift engine cannot run (unknown test, missing column, a test that does not apply); the message is fit to show.</summary>
public sealed class DriftException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DriftException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DriftException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DriftException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
