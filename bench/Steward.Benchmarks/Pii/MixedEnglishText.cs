using System.Text;

namespace Steward.Benchmarks.Pii;

/// <summary>
/// Mixed English text for the PII benchmarks: support chat, e-mail signatures with postal addresses, news and
/// biography sentences, log lines and plain prose, with names and places of many countries (written here, not taken
/// from any dataset), repeated with varying numbers to the requested size.
/// </summary>
public static class MixedEnglishText
{
    private static readonly string[] Paragraphs =
    [
        "Hi, my name is Sofia Marchetti and I would like to update the billing address on my account. The new one is 14 Via Garibaldi, 20121 Milano, Italy. Thanks!",
        "Best regards,\nDaniel Okafor\nBrightwave Consulting Ltd\n4821 Maple Grove Drive Suite {n}\nSpringfield, IL 62704\nUnited States\nPhone: +1 217 555 0{n}",
        "2026-03-0{d} 12:44:{d}1 INFO Request {n} served in 12 ms by worker-3; cache hit ratio 0.93; queue length 4",
        "The committee met on Tuesday in Geneva to discuss the proposal. According to Mr. Haverford, the French and German delegations supported it, while the Kenyan delegation asked for more time.",
        "Our quarterly report covers revenue, churn and support volume. Revenue grew by {d} percent, mostly from new customers in Brazil, India and Poland.",
        "Can you ask Ingrid Johansson to send me the signed contract? She told me it was posted to Keizersgracht {n}, Amsterdam last week.",
        "The weather was mild and the trains ran on time, so most people arrived early and the meeting started before nine.",
        "Dr. Amara Osei grew up in Kumasi and studied medicine at the University of Ghana before moving to Toronto in 2009.",
        "WARN 2026-03-0{d} disk usage at 8{d}% on /var/lib/data; rotating logs; next check in 300 s",
        "Please cancel order {n}. I was charged twice and the package never arrived at my address in Leeds.",
    ];

    /// <summary>Builds about <paramref name="bytes"/> characters of text.</summary>
    public static string Build(int bytes)
    {
        var sb = new StringBuilder(bytes + 512);
        var k = 0;
        while (sb.Length < bytes)
        {
            var p = Paragraphs[k % Paragraphs.Length].Replace("{n}", (100 + k * 37 % 900).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{d}", (k % 10).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            sb.Append(p).Append("\n\n");
            k++;
        }
        return sb.ToString();
    }
}
