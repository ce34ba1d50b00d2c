using Steward.Policy.Syntax;

namespace Steward.Policy.Tests.Syntax;

public sealed class ModuleParseTests
{
    private static Rule OnlyRule(string source) => Assert.Single(RegoParser.ParseModule("package t\n" + source).Rules);

    private static string Name(Term term) => term switch
    {
        VarTerm v => v.Name,
        RefTerm r => Name(r.Head) + string.Concat(r.Path.Select(p => p is StringTerm s ? "." + s.Value : "[" + Name(p) + "]")),
        StringTerm s => '"' + s.Value + '"',
        NumberTerm n => n.Text,
        _ => term.GetType().Name,
    };

    [Fact]
    public void Package_And_Imports_AreParsed()
    {
        var module = RegoParser.ParseModule("""
            # leading comment
            package a.b["c-d"]

            import data.x.y as z
            import input
            import rego.v1
            import future.keywords.if
            """, "m.rego");

        Assert.Equal(["a", "b", "c-d"], module.Package.Path);
        Assert.Equal(new SourceLocation(2, 1), module.Package.Location);
        Assert.Equal("m.rego", module.FileName);
        Assert.Equal(["data.x.y", "input", "rego.v1", "future.keywords.if"], module.Imports.Select(i => Name(i.Path)));
        Assert.Equal("z", module.Imports[0].Alias);
        Assert.Null(module.Imports[1].Alias);
        Assert.Empty(module.Rules);
    }

    [Fact]
    public void CompleteRules_TakeValuesAndBodies()
    {
        var module = RegoParser.ParseModule("""
            package t
            p := 1
            q = 2 if { input.x }
            r if {
                input.y
                input.z; input.w
            }
            s if input.v == 1
            """);

        var (p, q, r, s) = (module.Rules[0], module.Rules[1], module.Rules[2], module.Rules[3]);
        Assert.True(p.Head.Assign);
        Assert.Equal("1", Assert.IsType<NumberTerm>(p.Head.Value).Text);
        Assert.Empty(p.Body);
        Assert.False(q.Head.Assign);
        Assert.Single(q.Body);
        Assert.Null(r.Head.Value);
        Assert.Equal(3, r.Body.Count);
        Assert.Equal(new SourceLocation(6, 14), r.Body[2].Location);
        var eq = Assert.IsType<BinaryTerm>(Assert.IsType<TermExpr>(Assert.Single(s.Body).Expression).Term);
        Assert.Equal(BinaryOperator.Equal, eq.Operator);
    }

    [Fact]
    public void DefaultRules_AndDefaultFunctions_AreParsed()
    {
        var module = RegoParser.ParseModule("package t\ndefault allow := false\ndefault f(_) := 0");

        Assert.All(module.Rules, r => Assert.True(r.IsDefault));
        Assert.IsType<BooleanTerm>(module.Rules[0].Head.Value);
        Assert.Equal("_", Name(Assert.Single(module.Rules[1].Head.Arguments!)));
    }

    [Fact]
    public void MultiValue_And_RefHead_Rules_KeepTheirHeads()
    {
        var module = RegoParser.ParseModule("""
            package t
            deny contains msg if { msg := "no" }
            obj[k] := v if { some k, v in input }
            a.b[c] := d if { c := 1; d := 2 }
            q.r[s] if s := "x"
            """);

        Assert.Equal("msg", Name(module.Rules[0].Head.Contains!));
        Assert.Equal("obj[k]", Name(module.Rules[1].Head.Name));
        Assert.Equal("a.b[c]", Name(module.Rules[2].Head.Name));
        Assert.Equal("d", Name(module.Rules[2].Head.Value!));
        Assert.Null(module.Rules[3].Head.Value);
    }

    [Fact]
    public void Functions_TakeArgumentsAndValues()
    {
        var rule = OnlyRule("f(x, [y, _]) := z if { z := x + y }");

        Assert.Equal("f", Name(rule.Head.Name));
        Assert.Equal(2, rule.Head.Arguments!.Count);
        Assert.IsType<ArrayTerm>(rule.Head.Arguments[1]);
        Assert.Equal("z", Name(rule.Head.Value!));
    }

    [Fact]
    public void ElseChains_AreLinked()
    {
        var rule = OnlyRule("p := 1 if { false } else := 2 if { input.x } else := 3");

        Assert.Equal("2", Name(rule.Else!.Head.Value!));
        Assert.Single(rule.Else.Body);
        Assert.Equal("3", Name(rule.Else.Else!.Head.Value!));
        Assert.Empty(rule.Else.Else.Body);
        Assert.Null(rule.Else.Else.Else);
    }

    [Fact]
    public void IfFollowedByAnObjectComprehension_IsASingleLiteral()
    {
        var rule = OnlyRule("f(x) := 1 if {x: i | x := [\"a\"][i]}");

        Assert.IsType<ObjectComprehension>(Assert.IsType<TermExpr>(Assert.Single(rule.Body).Expression).Term);
    }

    [Fact]
    public void Rules_OnTheSameLine_AreRejected()
    {
        var error = Assert.Throws<RegoParseException>(() => RegoParser.ParseModule("package t\np := 1 q := 2"));

        Assert.Equal((2, 8), (error.Line, error.Column));
    }

    [Fact]
    public void RealisticOutputPolicy_Parses()
    {
        var module = RegoParser.ParseModule("""
            package ai_policy

            import data.lists

            default allow := false

            # confidence threshold
            allow if {
                count(deny) == 0
                input.prediction.confidence >= object.get(data.config, "min_confidence", 0.7)
            }

            deny contains sprintf("confidence %v below %v", [c, t]) if {
                c := input.prediction.confidence
                t := data.config.min_confidence
                c < t
            }

            deny contains msg if {
                some word in lists.toxic
                contains(lower(input.prediction.text), word)
                msg := sprintf("toxic word: %s", [word])
            }

            words := {w | some w in split(input.prediction.text, " ")}

            counts[w] := n if {
                some w in words
                n := count([x | some x in split(input.prediction.text, " "); x == w])
            }

            label(score) := "high" if score > 0.9
            else := "medium" if score > 0.5
            else := "low"

            all_labels_known if {
                every k, v in input.prediction.labels {
                    is_string(k)
                    not v == null
                }
            }

            test_allow if allow with input as {"prediction": {"confidence": 0.9, "text": "ok"}}
                with data.config.min_confidence as 0.5
            """, "ai_policy.rego");

        Assert.Equal(9, module.Rules.Count);
        Assert.Equal(2, module.Rules[^1].Body[0].With.Count);
        Assert.NotNull(module.Rules[6].Else?.Else);
    }
}
