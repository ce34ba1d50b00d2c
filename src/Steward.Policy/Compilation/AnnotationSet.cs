using Steward.Policy.Syntax;
using Steward.Policy.Values;

namespace Steward.Policy.Compilation;

/// <summary>
/// OPA's annotations (<c># METADATA</c> blocks) across all modules, and what <c>rego.metadata.rule()</c> and
/// <c>rego.metadata.chain()</c> answer for a rule. A block's scope is its <c>scope</c> field or, without one,
/// <c>package</c> before a package declaration and <c>rule</c> before a rule (<c>document</c> when it sets
/// <c>entrypoint: true</c>). Rule-scoped annotations belong to that definition; <c>document</c> to every rule of
/// the same path; <c>package</c> to the package; <c>subpackages</c> to the package and everything below it. The
/// annotations object holds the fields given, normalised as OPA writes them: authors as <c>{name, email}</c>,
/// related resources as <c>{ref, description}</c>.
/// </summary>
internal sealed class AnnotationSet
{
    private static readonly StringValue ScopeKey = Key("scope");
    private static readonly StringValue PathKey = Key("path");
    private static readonly StringValue AnnotationsKey = Key("annotations");

    private readonly Dictionary<Rule, ObjectValue> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ObjectValue> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectValue> _packages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectValue> _subpackages = new(StringComparer.Ordinal);

    public static AnnotationSet Build(IEnumerable<(Module Module, ModuleScope Scope)> modules, CompileErrors errors)
    {
        var set = new AnnotationSet();
        foreach (var (module, scope) in modules)
        {
            foreach (var block in module.Metadata)
            {
                set.Add(block, scope, errors);
            }
        }

        return set;
    }

    private void Add(MetadataBlock block, ModuleScope module, CompileErrors errors)
    {
        Value? parsed;
        try
        {
            parsed = ValueYaml.Parse(block.Yaml);
        }
        catch (FormatException e)
        {
            errors.Add(ErrorCodes.Parse, e.Message, module.File, block.Location);
            return;
        }

        if (parsed is not (ObjectValue or null))
        {
            errors.Add(ErrorCodes.Parse, "yaml: the metadata block must be a mapping of annotations", module.File, block.Location);
            return;
        }

        var fields = parsed as ObjectValue ?? ObjectValue.Empty;
        var entrypoint = fields.Get("entrypoint") is BooleanValue { Value: true };
        string scope;
        if (fields.Get("scope") is { } given)
        {
            scope = given is StringValue s ? s.Value : "";
            if (scope is not ("rule" or "document" or "package" or "subpackages"))
            {
                errors.Add(ErrorCodes.Parse, $"invalid annotation scope '{(given is StringValue t ? t.Value : given.ToString())}'", module.File, block.Location);
                return;
            }
        }
        else
        {
            scope = block.Target is PackageDecl ? "package" : entrypoint ? "document" : "rule";
        }

        switch (block.Target)
        {
            case PackageDecl when scope is "rule" or "document":
                errors.Add(ErrorCodes.Parse, $"invalid annotation scope '{scope}': a package can only be annotated with scope 'package' or 'subpackages'", module.File, block.Location);
                return;
            case Rule when scope is "package" or "subpackages":
                errors.Add(ErrorCodes.Parse, $"invalid annotation scope '{scope}': a rule can only be annotated with scope 'rule' or 'document'", module.File, block.Location);
                return;
            case null:
                errors.Add(ErrorCodes.Parse, "misplaced metadata block: no package or rule follows it", module.File, block.Location);
                return;
        }

        if (entrypoint && scope == "rule")
        {
            errors.Add(ErrorCodes.Parse, "annotation entrypoint applied to non-document or package scope 'rule'", module.File, block.Location);
            return;
        }

        ObjectValue annotations;
        try
        {
            annotations = Normalize(fields, scope);
        }
        catch (FormatException e)
        {
            errors.Add(ErrorCodes.Parse, e.Message, module.File, block.Location);
            return;
        }

        var package = string.Join('.', module.Package);
        var (table, key) = scope switch
        {
            "rule" => (null, ""),
            "document" => (_documents, package + "\n" + string.Join('.', RulePath((Rule)block.Target))),
            "package" => (_packages, package),
            _ => (_subpackages, package),
        };
        if (table is null)
        {
            _rules.TryAdd((Rule)block.Target, annotations);
            return;
        }

        // One document, package or subpackages annotation per path across all modules, as OPA's annotation set
        // demands: a second one is a type error at its block, naming where the first was declared.
        var here = module.File is { Length: > 0 } file ? $"{file}:{block.Location.Line}" : block.Location.ToString();
        if (_declaredAt.TryGetValue((scope, key), out var first))
        {
            errors.Add(ErrorCodes.Type, $"{scope} annotation redeclared: {first}", module.File, block.Location);
            return;
        }

        _declaredAt[(scope, key)] = here;
        table[key] = annotations;
    }

    private readonly Dictionary<(string Scope, string Key), string> _declaredAt = [];

    /// <summary>What <c>rego.metadata.rule()</c> answers in a rule: its rule-scoped annotations, or an empty object.</summary>
    public Value RuleAnnotations(Rule rule) => _rules.TryGetValue(rule, out var found) ? found : ObjectValue.Empty;

    /// <summary>
    /// What <c>rego.metadata.chain()</c> answers in a rule: the rule first (with its rule-scoped annotations, if any),
    /// then the annotated nodes outward: the rule's document, its package, and the packages above with
    /// <c>subpackages</c> scope. Paths are below <c>data</c>.
    /// </summary>
    public Value Chain(Rule rule, string[] package)
    {
        var rulePath = package.Concat(RulePath(rule)).ToArray();
        var links = new List<Value> { Link(rulePath, _rules.GetValueOrDefault(rule)) };
        if (_documents.TryGetValue(string.Join('.', package) + "\n" + string.Join('.', RulePath(rule)), out var document))
        {
            links.Add(Link(rulePath, document));
        }

        for (var length = package.Length; length > 0; length--)
        {
            var prefix = package[..length];
            var key = string.Join('.', prefix);
            if (length == package.Length && _packages.TryGetValue(key, out var own))
            {
                links.Add(Link(prefix, own));
            }

            if (_subpackages.TryGetValue(key, out var below))
            {
                links.Add(Link(prefix, below));
            }
        }

        return new ArrayValue([.. links]);
    }

    private static ObjectValue Link(string[] path, ObjectValue? annotations)
    {
        var link = new ObjectBuilder();
        link.Set(PathKey, new ArrayValue([.. path.Select(p => (Value)new StringValue(p))]));
        if (annotations is not null)
        {
            link.Set(AnnotationsKey, annotations);
        }

        return link.Build();
    }

    /// <summary>The static part of the rule's head reference: <c>p</c> for <c>p contains x</c>, <c>a.b</c> for <c>a.b[k] := v</c>.</summary>
    private static IEnumerable<string> RulePath(Rule rule)
    {
        switch (rule.Head.Name)
        {
            case VarTerm v:
                yield return v.Name;
                break;
            case RefTerm { Head: VarTerm v } r:
                yield return v.Name;
                foreach (var element in r.Path)
                {
                    if (element is not StringTerm s)
                    {
                        yield break;
                    }

                    yield return s.Value;
                }

                break;
        }
    }

    private static ObjectValue Normalize(ObjectValue fields, string scope)
    {
        var result = new ObjectBuilder();
        result.Set(ScopeKey, new StringValue(scope));
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields.Keys[i] is StringValue k ? k.Value : fields.Keys[i].ToString();
            var value = fields.Values[i];
            switch (name)
            {
                case "scope":
                    break;
                case "title" or "description":
                    result.Set(Key(name), value is StringValue ? value : throw new FormatException($"invalid {name} annotation: expected a string"));
                    break;
                case "entrypoint":
                    if (value is not BooleanValue entry)
                    {
                        throw new FormatException("invalid entrypoint annotation: expected a boolean");
                    }

                    if (entry.Value)
                    {
                        result.Set(Key(name), value);
                    }

                    break;
                case "organizations":
                    result.Set(Key(name), StringList(name, value));
                    break;
                case "authors":
                    result.Set(Key(name), new ArrayValue([.. Items(name, value).Select(Author)]));
                    break;
                case "related_resources":
                    result.Set(Key(name), new ArrayValue([.. Items(name, value).Select(RelatedResource)]));
                    break;
                case "custom":
                    result.Set(Key(name), value is ObjectValue or NullValue ? value : throw new FormatException("invalid custom annotation: expected a mapping"));
                    break;
                default:
                    // schemas and fields of later OPA versions are kept as written.
                    result.Set(Key(name), value);
                    break;
            }
        }

        return result.Build();
    }

    private static IEnumerable<Value> Items(string name, Value value) =>
        value is ArrayValue a ? a.Items.ToArray() : throw new FormatException($"invalid {name} annotation: expected a list");

    private static ArrayValue StringList(string name, Value value) =>
        new([.. Items(name, value).Select(v => v is StringValue ? v : throw new FormatException($"invalid {name} annotation: expected a list of strings"))]);

    /// <summary>An author: <c>{name, email}</c> as written, or the short form <c>Name Surname &lt;email&gt;</c>.</summary>
    private static Value Author(Value entry)
    {
        string? name = null;
        string? email = null;
        switch (entry)
        {
            case StringValue s:
                var words = s.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
                if (words.Count > 0 && words[^1] is ['<', .., '>'] last)
                {
                    email = last[1..^1];
                    words.RemoveAt(words.Count - 1);
                }

                name = words.Count > 0 ? string.Join(' ', words) : null;
                break;
            case ObjectValue o:
                name = o.Get("name") is StringValue n ? n.Value : null;
                email = o.Get("email") is StringValue e ? e.Value : null;
                break;
        }

        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(email))
        {
            throw new FormatException("invalid authors annotation: an author needs a name or an email");
        }

        var author = new ObjectBuilder();
        if (!string.IsNullOrEmpty(name))
        {
            author.Set(Key("name"), new StringValue(name));
        }

        if (!string.IsNullOrEmpty(email))
        {
            author.Set(Key("email"), new StringValue(email));
        }

        return author.Build();
    }

    /// <summary>A related resource: <c>{ref, description}</c> as written, or the short form of a URL.</summary>
    private static Value RelatedResource(Value entry)
    {
        var (reference, description) = entry switch
        {
            StringValue s => (s.Value, null),
            ObjectValue o => (o.Get("ref") is StringValue r ? r.Value : null, o.Get("description") is StringValue d ? d.Value : null),
            _ => (null, null),
        };
        if (string.IsNullOrEmpty(reference) || !Uri.TryCreate(reference, UriKind.Absolute, out _))
        {
            throw new FormatException("invalid related-resource annotation: a related resource needs a ref that is a URL");
        }

        var resource = new ObjectBuilder();
        resource.Set(Key("ref"), new StringValue(reference));
        if (!string.IsNullOrEmpty(description))
        {
            resource.Set(Key("description"), new StringValue(description));
        }

        return resource.Build();
    }

    private static StringValue Key(string name)
    {
        var key = new StringValue(name);
        _ = key.GetHashCode();
        return key;
    }
}
