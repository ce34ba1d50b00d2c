namespace Steward.Server;

/// <summary>
/// Settings given on the command line (<c>steward serve</c>); each one set overrides configuration
/// (<c>Server:Urls</c>, <c>Store:DataDirectory</c>, <c>Store:Provider</c>, <c>Store:ConnectionString</c>, <c>Ledger:Origin</c>).
/// </summary>
public sealed class StewardServerOptions
{
    /// <summary>Listen URLs, separated by ';' (default <c>http://localhost:5080</c>).</summary>
    public string? Urls { get; set; }

    /// <summary>Data directory (default <c>./steward-data</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string? Store { get; set; }

    /// <summary>PostgreSQL connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Checkpoint origin (default: host name + <c>/steward</c>).</summary>
    public string? Origin { get; set; }

    /// <summary>Optional JSON configuration file.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Write the banner (URLs, bootstrap key) to this writer; default the console.</summary>
    public TextWriter? Console { get; set; }
}
