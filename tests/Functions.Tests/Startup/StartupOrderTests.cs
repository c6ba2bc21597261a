using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Workflows.Functions.Hosting;
using Workflows.Functions.Health;
using Workflows.Functions.Startup;
using Workflows.Wheel.Calendar;

namespace Workflows.Functions.Tests.Startup;

/// <summary>
/// The order of a start after a scale from zero: the server and the liveness probe first, then the start-up work (key
/// ring, calendars, seed), and every other request only once that is done; a broken calendar still stops the start.
/// </summary>
public sealed class StartupOrderTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "startup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Liveness_answers_while_startup_work_runs_and_other_requests_wait_for_it()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new ObservedStart();
        await using var app = Build(services =>
        {
            services.AddSingleton(observed);
            services.AddHostedService(_ => new HeldStart(held.Task));
            services.AddHealthChecks().AddCheck<StartObservingCheck>("observed", tags: [ReadinessChecks.Tag]);
        });

        var starting = app.StartAsync();
        using var client = app.GetTestServer().CreateClient();
        var readiness = client.GetAsync("/api/health/ready");

        using var liveness = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        var body = JsonDocument.Parse(await liveness.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("sqlite", body.GetProperty("store").GetString());
        Assert.Equal("nosniff", liveness.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(starting.IsCompleted);

        // Built in the background meanwhile: from here only the start holds the readiness request back.
        await app.Services.GetRequiredService<DeferredPipeline>().Built;
        held.SetResult();
        await starting;
        using var ready = await readiness;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(observed.HostHadStarted, "the readiness request ran before the host had started");
    }

    [Fact]
    public async Task A_broken_calendar_fails_the_start_with_its_errors()
    {
        var calendars = Directory.CreateDirectory(Path.Combine(data, "calendars"));
        await File.WriteAllTextAsync(Path.Combine(calendars.FullName, "ahus.yaml"), "network: [unclosed\nversion: 1");
        await using var app = Build(_ => { }, new() { ["Workflows:CalendarDirectory"] = calendars.FullName });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        var invalid = failure as CalendarValidationException ?? Assert.IsType<CalendarValidationException>(failure.InnerException, exactMatch: false);
        Assert.Contains("ahus.yaml is not a valid calendar", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("Not valid YAML", invalid.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private WebApplication Build(Action<IServiceCollection> services, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? [])
        {
            ["Host:DataDirectory"] = data,
            ["Workflows:WheelTickSchedule"] = string.Empty,
            ["Telemetry:SignatureCountMinutes"] = "0",
        });
        builder.AddFunctionsHost();
        services(builder.Services);
        var app = builder.Build();
        app.MapFunctionsHost();
        return app;
    }

    /// <summary>Start-up work that lasts until the test lets it end.</summary>
    private sealed class HeldStart(Task held) : IHostedLifecycleService
    {
        public Task StartedAsync(CancellationToken cancellationToken) => held.WaitAsync(cancellationToken);

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ObservedStart
    {
        public bool HostHadStarted { get; set; }
    }

    /// <summary>A readiness check that notes whether the host had started when a request reached it.</summary>
    private sealed class StartObservingCheck(ObservedStart observed, IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            observed.HostHadStarted = lifetime.ApplicationStarted.IsCancellationRequested;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }
}
