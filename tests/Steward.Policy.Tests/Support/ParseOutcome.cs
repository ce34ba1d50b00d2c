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
        foreach (var c in OpaCaseFile.Load(file))
        {
            if (c.WantsParseError)
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

            if (c.Query is { } query)
            {
                Queries++;
                if (Parses(() => RegoParser.ParseQuery(query), $"{relativeName}#{c.Note}#query"))
                {
                    QueriesAsExpected++;
                }
            }
        }
    }

    private static bool FailsToParse(OpaCase c)
    {
        try
        {
            foreach (var module in c.Modules)
            {
                RegoParser.ParseModule(module);
            }

            if (c.Query is not null)
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
