using Microsoft.Extensions.Options;
using Steward.Pii;
using Steward.Pii.Anonymization;
using Steward.Pii.Policy;
using Steward.Pii.Recognizers;

namespace Steward.Server.Pii;

/// <summary>Wires the PII engine into the server: one analyzer (default recognizers plus configured ones) and one anonymizer.</summary>
internal static class PiiServiceExtensions
{
    public static void AddStewardPii(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PiiServerOptions>().BindConfiguration("Pii").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var engineOptions = sp.GetRequiredService<IConfiguration>().GetSection("Pii").Get<PiiEngineOptions>() ?? new PiiEngineOptions();
            var server = sp.GetRequiredService<IOptions<PiiServerOptions>>().Value;
            var defaults = RecognizerRegistry.CreateDefault(engineOptions);
            return new AnalyzerEngine(new RecognizerRegistry([.. defaults.All, .. server.Recognizers.Select(Build)]), engineOptions);
        });
        builder.Services.AddHostedService<PiiWarmup>();
        builder.Services.AddSingleton<AnonymizerEngine>();
        // Policies compiled by the server (evaluation, gates, module validation) may call pii.analyze and pii.contains.
        builder.Services.AddSingleton(sp => PiiBuiltins.CreateRegistry(sp.GetRequiredService<AnalyzerEngine>()));
    }

    private static RegexRecognizer Build(ConfiguredRecognizer c)
    {
        try
        {
            return new RegexRecognizer(c.Name, c.SupportedEntity, [.. c.Patterns.Select(p => new PatternDefinition(p.Name, p.Regex, p.Score))],
                c.DenyList, c.Context, language: c.SupportedLanguage);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Pii:Recognizers: recognizer '{c.Name}' is invalid: {e.Message}", e);
        }
    }
}
