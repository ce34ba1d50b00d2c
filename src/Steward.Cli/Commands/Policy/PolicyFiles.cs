using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Steward.Cli.Infrastructure;
using Steward.Pii.Policy;
using Steward.Policy;
using Steward.Policy.Values;
using Steward.Sidecar.Policies;

namespace Steward.Cli.Commands.Policy;

/// <summary>
/// Loads policy files as OPA's <c>-d</c> does: <c>.rego</c> files are modules; a JSON or YAML file named on the command
/// line is data at the root; inside a directory (searched recursively) <c>data.json</c>/<c>data.yaml</c> are data under
/// the path of their directory (<c>dir/limits/data.json</c> is <c>data.limits</c>). Data documents are merged; two
/// files that set the same key to different non-object values are an error.
/// </summary>
internal static class PolicyFiles
{
    /// <summary>The <c>--ignore</c> option: file and directory names to skip while loading (globs with <c>*</c> and <c>?</c>), as OPA's.</summary>
    public static Option<string[]> IgnoreOption() => new("--ignore")
    {
        Description = "Skip files and directories with this name while loading (glob, repeatable), e.g. --ignore extensions",
        HelpName = "GLOB",
    };

    /// <summary>The names of the built-ins Steward adds to OPA's library (the PII extension of the shipped policies uses them).</summary>
    private static readonly string[] StewardBuiltins = [SidecarBuiltins.PiiFind, PiiBuiltins.Analyze, PiiBuiltins.Contains];

    /// <summary>
    /// Compiles modules with OPA's core library, plus Steward's own built-ins (<c>steward.pii.find</c>,
    /// <c>pii.analyze</c>, <c>pii.contains</c>, as the sidecar and server provide them) when a module names one: the
    /// PII analyzer is only built for policies that use it.
    /// </summary>
    public static CompiledPolicy Compile(IReadOnlyList<PolicySource> modules) =>
        CompiledPolicy.Compile(modules, modules.Any(m => StewardBuiltins.Any(b => m.Text.Contains(b, StringComparison.Ordinal))) ? SidecarBuiltins.Create() : null);

    public static (List<PolicySource> Modules, ObjectValue Data) Load(IEnumerable<string> paths, IReadOnlyList<string>? ignore = null)
    {
        var skip = (ignore ?? []).Select(Glob).ToList();
        var modules = new List<PolicySource>();
        Value data = ObjectValue.Empty;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (Ignored(Path.GetRelativePath(path, file), skip)) continue;
                    var name = Path.GetFileName(file);
                    if (file.EndsWith(".rego", StringComparison.Ordinal))
                    {
                        modules.Add(new PolicySource(file, Read(file)));
                    }
                    else if (name is "data.json" or "data.yaml" or "data.yml")
                    {
                        var relative = Path.GetRelativePath(path, Path.GetDirectoryName(file)!);
                        var prefix = relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar);
                        data = Merge(data, Nest(prefix, ReadData(file)), file);
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (path.EndsWith(".rego", StringComparison.Ordinal))
                    modules.Add(new PolicySource(path, Read(path)));
                else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    data = Merge(data, ReadData(path), path);
                else
                    throw new CliException($"{path}: not a .rego, .json or .yaml file");
            }
            else
            {
                throw new CliException($"{path} does not exist");
            }
        }
        return (modules, data as ObjectValue ?? ObjectValue.Empty);
    }

    /// <summary>Whether any segment of a relative path matches one of the ignore patterns.</summary>
    public static bool Ignored(string relative, IReadOnlyList<Regex> skip) =>
        skip.Count > 0 && relative.Split(Path.DirectorySeparatorChar).Any(segment => skip.Any(g => g.IsMatch(segment)));

    /// <summary>A glob (<c>*</c>, <c>?</c>) over one file or directory name.</summary>
    public static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A JSON (or YAML) document file.</summary>
    public static Value ReadData(string file)
    {
        var text = Read(file);
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return ValueJson.Parse(text);
            }
            catch (JsonException e)
            {
                throw new CliException($"{file}: invalid JSON: {e.Message}");
            }
        }
        try
        {
            return ValueYaml.Parse(text) ?? NullValue.Instance;
        }
        catch (FormatException e)
        {
            throw new CliException($"{file}: invalid YAML: {e.Message}");
        }
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {e.Message}");
        }
    }

    private static Value Nest(string[] prefix, Value value)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
            value = ObjectValue.From([new KeyValuePair<string, Value>(prefix[i], value)]);
        return value;
    }

    private static Value Merge(Value into, Value add, string file)
    {
        if (into is ObjectValue a && add is ObjectValue b)
        {
            var builder = new ObjectBuilder();
            for (var i = 0; i < a.Count; i++) builder.Set(a.Keys[i], a.Values[i]);
            for (var i = 0; i < b.Count; i++)
            {
                var existing = a.Get(b.Keys[i]);
                builder.Set(b.Keys[i], existing is null ? b.Values[i] : Merge(existing, b.Values[i], file));
            }
            return builder.Build();
        }
        if (into is ObjectValue { Count: 0 }) return add;
        throw new CliException($"{file}: merge error: its data conflicts with data loaded before it");
    }
}
