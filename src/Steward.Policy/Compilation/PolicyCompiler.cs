using Steward.Policy.Builtins;
using Steward.Policy.Evaluation;
using Steward.Policy.Syntax;

namespace Steward.Policy.Compilation;

/// <summary>
/// Parses modules, places their rules in the rule tree, checks rule kinds, resolves names, orders bodies
/// for safety and lowers everything to the evaluation form.
/// </summary>
internal static class PolicyCompiler
{
    public static (IReadOnlyList<Module> Modules, RuleTree Tree) Compile(IReadOnlyList<PolicySource> sources, BuiltinRegistry builtins)
    {
        var errors = new CompileErrors();
        var modules = new List<(Module Module, ModuleScope Scope)>();
        foreach (var source in sources)
        {
            try
            {
                var module = RegoParser.ParseModule(source.Text, source.Name);
                modules.Add((module, new ModuleScope(source.Name, [.. module.Package.Path])));
            }
            catch (RegoParseException e)
            {
                errors.Add(ErrorCodes.Parse, e.Detail, source.Name, new SourceLocation(e.Line, e.Column));
            }
        }

        errors.ThrowIfAny();
        var tree = new RuleTree();
        var rules = new List<CRule>();
        var order = 0;
        var namesByPackage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (module, scope) in modules)
        {
            ReadImports(module, scope, errors);
            var packageKey = string.Join('.', scope.Package);
            if (!namesByPackage.TryGetValue(packageKey, out var names))
            {
                names = new HashSet<string>(StringComparer.Ordinal);
                namesByPackage[packageKey] = names;
            }

            scope.RuleNames = names;
            Walk(tree.Root, scope.Package);
            foreach (var rule in module.Rules)
            {
                var placed = Place(tree, scope, rule, order++, errors);
                if (placed is not null)
                {
                    names.Add(HeadName(rule.Head));
                    rules.Add(placed);
                }
            }
        }

        var annotations = AnnotationSet.Build(modules, errors);
        errors.ThrowIfAny();
        foreach (var rule in rules)
        {
            // rego.metadata.* in any branch of an else chain answers for the chain's first rule.
            var metadata = new RuleMetadata(annotations, rule.Syntax, rule.Module.Package);
            for (var r = rule; r is not null; r = r.Else)
            {
                new RuleLowering(r.Module, tree, builtins, errors) { Metadata = metadata }.Lower(r);
            }
        }

        SetConstants(tree.Root);
        tree.Number();
        RecursionCheck.Run(tree, errors);
        Types.TypeCheck.Run(modules, tree, builtins, errors);
        errors.ThrowIfAny();
        return ([.. modules.Select(m => m.Module)], tree);
    }

    public static CompiledQuery CompileQuery(CompiledPolicy policy, string query)
    {
        IReadOnlyList<Literal> literals;
        try
        {
            literals = RegoParser.ParseQuery(query);
        }
        catch (RegoParseException e)
        {
            throw new RegoCompileException([new RegoError(ErrorCodes.Parse, e.Detail, null, e.Line, e.Column)]);
        }

        var errors = new CompileErrors();
        var scope = new ModuleScope("query", []);
        var compiled = new RuleLowering(scope, policy.Tree, policy.Builtins, errors).LowerQuery(literals);
        Types.TypeCheck.RunQuery(literals, policy.Tree, policy.Builtins, errors);
        errors.ThrowIfAny();
        return compiled;
    }

    private static string HeadName(RuleHead head) => head.Name switch
    {
        VarTerm v => v.Name,
        RefTerm { Head: VarTerm v } => v.Name,
        _ => "",
    };

    private static void ReadImports(Module module, ModuleScope scope, CompileErrors errors)
    {
        foreach (var import in module.Imports)
        {
            var (root, path) = ImportPath(import.Path);
            if (root is "future" or "rego")
            {
                continue;
            }

            if (root is not ("data" or "input"))
            {
                errors.Add(ErrorCodes.Compile, $"invalid import {root}: must begin with input or data", scope.File, import.Location);
                continue;
            }

            var alias = import.Alias ?? (path.Count > 0 ? path[^1] : root);
            if (scope.Imports.ContainsKey(alias))
            {
                errors.Add(ErrorCodes.Compile, $"import must not shadow {alias}", scope.File, import.Location);
                continue;
            }

            scope.Imports[alias] = import.Path;
        }
    }

    private static (string Root, List<string> Path) ImportPath(Term term)
    {
        switch (term)
        {
            case VarTerm v:
                return (v.Name, []);
            case RefTerm { Head: VarTerm v } r:
                return (v.Name, [.. r.Path.Select(p => p is StringTerm s ? s.Value : p.ToString())]);
            default:
                return ("", []);
        }
    }

    private static RuleNode Walk(RuleNode node, IEnumerable<string> path)
    {
        foreach (var key in path)
        {
            node = node.Child(key);
        }

        return node;
    }

    private static CRule? Place(RuleTree tree, ModuleScope scope, Rule rule, int order, CompileErrors errors)
    {
        var head = rule.Head;
        var elements = new List<Term>();
        switch (head.Name)
        {
            case VarTerm v:
                elements.Add(new StringTerm(v.Location, v.Name));
                break;
            case RefTerm { Head: VarTerm v } r:
                elements.Add(new StringTerm(v.Location, v.Name));
                elements.AddRange(r.Path);
                break;
            default:
                errors.Add(ErrorCodes.Parse, "rule head must be a name or a reference", scope.File, head.Location);
                return null;
        }

        var staticCount = 0;
        while (staticCount < elements.Count && elements[staticCount] is StringTerm)
        {
            staticCount++;
        }

        RuleKind kind;
        if (head.Arguments is not null)
        {
            kind = RuleKind.Function;
            if (staticCount != elements.Count)
            {
                errors.Add(ErrorCodes.Type, "function names must be ground references", scope.File, head.Location);
                return null;
            }
        }
        else if (head.Contains is not null)
        {
            kind = RuleKind.PartialSet;
        }
        else if (staticCount < elements.Count)
        {
            kind = RuleKind.PartialObject;
        }
        else
        {
            kind = RuleKind.Complete;
        }

        // A partial object keyed by its last element only: p[k] := v. A "contains" rule keeps all its path static part.
        var node = Walk(Walk(tree.Root, scope.Package), elements.Take(staticCount).Select(e => ((StringTerm)e).Value));
        var compiled = Build(rule, kind, scope, order, elements.Skip(staticCount).ToArray());
        if (rule.IsDefault)
        {
            if (kind is not (RuleKind.Complete or RuleKind.Function))
            {
                errors.Add(ErrorCodes.Type, "default rules must not have a variable in their head", scope.File, rule.Location);
                return null;
            }

            if (node.Default is not null)
            {
                errors.Add(ErrorCodes.Type, $"multiple default rules {node.DottedPath} found", scope.File, rule.Location);
                return null;
            }

            node.Default = compiled;
        }
        else
        {
            node.Rules.Add(compiled);
        }

        if (node.Kind != RuleKind.None && node.Kind != kind)
        {
            errors.Add(ErrorCodes.Type, $"conflicting rules {node.DottedPath} found", scope.File, rule.Location);
            return null;
        }

        if (kind == RuleKind.Function && node.Rules.Concat(node.Default is null ? [] : [node.Default])
                .Any(r => r.Syntax.Head.Arguments!.Count != head.Arguments!.Count))
        {
            errors.Add(ErrorCodes.Type, $"conflicting rules {node.DottedPath} found", scope.File, rule.Location);
            return null;
        }

        node.Kind = kind;
        MarkHasRules(tree.Root, node.Path);
        return compiled;
    }

    private static CRule Build(Rule rule, RuleKind kind, ModuleScope scope, int order, Term[] dynamic)
    {
        var compiled = new CRule { Kind = kind, File = scope.File, Location = rule.Location, Order = order, Syntax = rule, Module = scope, DynamicSyntax = dynamic };
        if (rule.Else is not null)
        {
            compiled.Else = Build(rule.Else, kind, scope, order, dynamic);
        }

        return compiled;
    }

    private static void MarkHasRules(RuleNode root, string[] path)
    {
        var node = root;
        node.HasRules = true;
        foreach (var key in path)
        {
            node = node.Children[key];
            node.HasRules = true;
        }
    }

    private static void SetConstants(RuleNode node)
    {
        node.Index = RuleIndex.Build(node);
        if (node.Kind == RuleKind.Complete && node.Rules.Count == 1 && node.Default is null && node.Rules[0] is { Body.Length: 0, Else: null, Value: CConst c })
        {
            node.Constant = c.Value;
        }

        foreach (var child in node.Children.Values)
        {
            SetConstants(child);
        }
    }
}
