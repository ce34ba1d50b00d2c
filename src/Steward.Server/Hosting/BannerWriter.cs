namespace Steward.Server.Hosting;

/// <summary>Where the start-up banner goes (the console, or a test's writer).</summary>
internal sealed class BannerWriter(TextWriter writer)
{
    public TextWriter Writer => writer;
}
