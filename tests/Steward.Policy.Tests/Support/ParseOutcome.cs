using Steward.Policy.Conformance;
using Steward.Policy.Syntax;

namespace Steward.Policy.Tests.Support;

/// <summary>Parses every module and the query of the OPA case files and tallies the outcomes against expectations.</summary>
internal sealed class ParseOutcome
{
    public int Modules { get; private set; }

    public int ModulesAsExpected { get; private set; }

    public int Queries { get; private set; }

    public int QueriesAsExpected { get; private set; }

    public List<string> Failures { get; } = [];

    public int Total => Modules + Queries + ErrorCases;

    public int AsExpected => ModulesAsExpected + QueriesAsExpected + ErrorCasesAsExpected;

    /// <summary>Cases expecting <c>rego_parse_error</c>; one passes when any of its modules or its query fails to parse.</summary>
    public int ErrorCases { get; private set; }

    public int ErrorCasesAsExpected { get; private set; }

    public void Run(string file, string relativeName)
    {
        foreach (var c in OpaCaseReader.Load(file, relativeName))
        {
            if (WantsParseError(c))
            {
                ErrorCases++;
                if (FailsToParse(c))
                {
                    ErrorCasesAsExpected++;
                }
                else
                {
                    Failures.Add($"{relativeName}#{c.Note}: parsed, but the case expects rego_parse_error");
                }

                continue;
            }

            for (int i = 0; i < c.Modules.Count; i++)
            {
                Modules++;
                string name = $"{relativeName}#{c.Note}#module{i}";
                string text = c.Modules[i];
                if (Parses(() => RegoParser.ParseModule(text, name)))
                {
                    ModulesAsExpected++;
                }
            }

            if (c.Query is { Length: > 0 } query)
            {
                Queries++;
                if (Parses(() => RegoParser.ParseQuery(query), $"{relativeName}#{c.Note}#query"))
                {
                    QueriesAsExpected++;
                }
            }
        }
    }

    private static bool WantsParseError(OpaTestCase c) =>
        c.WantErrorCode == "rego_parse_error" || (c.WantErrorCode is null && c.WantError?.Contains("rego_parse_error", StringComparison.Ordinal) == true);

    private static bool FailsToParse(OpaTestCase c)
    {
        try
        {
            foreach (var module in c.Modules)
            {
                RegoParser.ParseModule(module);
            }

            if (c.Query.Length > 0)
            {
                RegoParser.ParseQuery(c.Query);
            }

            return false;
        }
        catch (RegoParseException)
        {
            return true;
        }
    }

    private bool Parses(Action parse, string? name = null)
    {
        try
        {
            parse();
            return true;
        }
        catch (RegoParseException e)
        {
            Failures.Add(name is null ? e.Message : $"{name}: {e.Message}");
            return false;
        }
    }
}
