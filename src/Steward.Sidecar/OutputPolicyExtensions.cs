using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Steward.Sidecar.Core;
using Steward.Sidecar.Middleware;
using Steward.Sidecar.Recording;

namespace Steward.Sidecar;

/// <summary>Wires the output policy into an ASP.NET Core application.</summary>
public static class OutputPolicyExtensions
{
    /// <summary>Registers the output policy (engine, recording, decision-log sinks).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; <see cref="OutputPolicyOptions.DecisionPoint"/> is required.</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static IServiceCollection AddStewardOutputPolicy(this IServiceCollection services, Action<OutputPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OutputPolicyOptions();
        configure(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => DecisionRecorder.Create(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new OutputPolicyEvaluator(options, sp.GetRequiredService<DecisionRecorder>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Decides every response of the rest of the pipeline with the policy registered by
    /// <see cref="AddStewardOutputPolicy"/>, withholding the denied ones.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseStewardOutputPolicy(this IApplicationBuilder app) => app.UseMiddleware<OutputPolicyMiddleware>();

    /// <summary>Registers the output policy and adds it to the pipeline in one call (for a <see cref="WebApplication"/>).</summary>
    /// <param name="app">The application, whose services are not yet built.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseStewardOutputPolicy(this IApplicationBuilder app, Action<OutputPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OutputPolicyOptions();
        configure(options);
        options.Validate();
        var services = app.ApplicationServices;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var recorder = DecisionRecorder.Create(options, time, services.GetRequiredService<ILoggerFactory>());
        var lifetime = services.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        lifetime?.ApplicationStopped.Register(() => recorder.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)));
        return app.UseMiddleware<OutputPolicyMiddleware>(new OutputPolicyEvaluator(options, recorder, time));
    }
}
