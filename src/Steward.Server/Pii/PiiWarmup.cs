using Steward.Pii;

namespace Steward.Server.Pii;

/// <summary>
/// Builds the analyzer when the server starts rather than on the first request: a broken NER model folder
/// (<c>Pii:NerModelDirectory</c>) or an invalid configured recognizer stops start-up with its message, and the
/// gazetteers are loaded before the first caller waits for them.
/// </summary>
internal sealed class PiiWarmup(AnalyzerEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        engine.Analyze("Warm-up: Ann Lee moved to 12 Mill Road, Leeds.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
