using System.Globalization;
using System.Text;
using Steward.Pii.Evaluation;

namespace Steward.Pii.Tests.Evaluation.Fresh;

/// <summary>Formats evaluation reports as text: per type support, precision, recall, F2, and optionally the errors.</summary>
internal static class FreshReport
{
    public static string Format(string name, EvaluationReport report, bool errors)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"== {name}: {report.Samples} samples, overall F2 {report.Overall.F(2):0.000}");
        foreach (var (type, s) in report.PerEntity.OrderBy(p => p.Key, StringComparer.Ordinal))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{type,-16} n={s.Support,5} tp={s.TruePositives,5} fp={s.FalsePositives,4} fn={s.FalseNegatives,4} P={s.Precision:0.000} R={s.Recall:0.000} F2={s.F(2):0.000}");
        if (!errors) return sb.ToString();
        foreach (var e in report.Errors.OrderBy(e => e.EntityType, StringComparer.Ordinal).ThenBy(e => e.Kind, StringComparer.Ordinal))
            sb.AppendLine(CultureInfo.InvariantCulture, $"{e.EntityType} {e.Kind} [{e.Value}] :: {e.Context.Replace('\n', '⏎')}");
        return sb.ToString();
    }
}
