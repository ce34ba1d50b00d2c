namespace Steward.Cli.Infrastructure;

/// <summary>A failure whose message is fit to show the user as it is.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
