using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Steward.Reliability.Tests;

/// <summary>A `steward serve` child process on a free loopback port.</summary>
public sealed class StewardProcess : IAsyncDisposable
{
    public const string AdminKey = "stw_reliab00_admin-key-for-reliability-tests-0123456789";
    private readonly Process _process;

    private StewardProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<StewardProcess> StartAsync(string dataDirectory, params string[] extraArgs)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { StewardDll(), "serve", "--data", dataDirectory, "--urls", $"http://127.0.0.1:{port}", "--origin", "reliability.test/steward" }.Concat(extraArgs))
            start.ArgumentList.Add(arg);
        start.Environment["STEWARD_BOOTSTRAP_KEY"] = AdminKey;
        start.Environment["STEWARD_Ledger__CheckpointInterval"] = "00:00:00.200";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start steward");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new StewardProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = server.Client();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"steward exited with code {process.ExitCode} during start");
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("steward did not become healthy in 30 s");
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>Runs a steward CLI command to completion; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(StewardDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start steward");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public static string StewardDll()
    {
        // tests/Steward.Reliability.Tests/bin/<Configuration>/net10.0 -> src/Steward.Cli/bin/<Configuration>/net10.0
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Steward.Cli", "bin", configuration, output.Name, "steward.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build src/Steward.Cli first: {dll} is missing", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
