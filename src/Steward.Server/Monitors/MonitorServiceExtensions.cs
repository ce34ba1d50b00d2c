namespace Steward.Server.Monitors;

/// <summary>Wires drift monitors (ingest, runs, the scheduler) into the host.</summary>
internal static class MonitorServiceExtensions
{
    public static WebApplicationBuilder AddStewardMonitors(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Monitors").Get<MonitorOptions>() ?? new MonitorOptions();
        options.Validate();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<MonitorService>();
        builder.Services.AddSingleton<LabelJoin>();
        builder.Services.AddSingleton<MonitorScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitorScheduler>());
        return builder;
    }
}
