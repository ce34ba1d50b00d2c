using Steward.Cli.Commands.Pii;
using Steward.Pii;
using Steward.Pii.Recognizers;

namespace Steward.Cli.Tests.Infrastructure;

/// <summary>
/// The engine every <c>steward pii scan</c> test uses: an SSN and an e-mail regex of its own, so the tests do not
/// depend on the default recognizers (built elsewhere). One instance for all classes, which run in parallel.
/// </summary>
internal static class TestPiiEngine
{
    public static readonly AnalyzerEngine Engine = new(new RecognizerRegistry(
    [
        new RegexRecognizer("t_ssn", PiiEntities.UsSsn, [new PatternDefinition("ssn", @"\b\d{3}-\d{2}-\d{4}\b", 0.85)]),
        new RegexRecognizer("t_email", PiiEntities.EmailAddress, [new PatternDefinition("email", @"\b\w+@\w+\.com\b", 0.9)]),
    ]));

    public static void Use() => ScanCommand.EngineFactory = () => Engine;
}
