using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Functions.Startup;

namespace Workflows.Functions.Tests.Startup;

/// <summary>Hosted services moved after the server's start: made and started then, in order, and still watched.</summary>
public sealed class StartedAfterServerTests
{
    [Fact]
    public async Task Wrapped_services_are_made_and_started_after_every_other_start_in_their_order()
    {
        var events = new Events();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(events);
        StartedAfterServer.Wrap(builder.Services, services =>
        {
            services.AddSingleton<IHostedService>(sp => new Recording("first", sp.GetRequiredService<Events>()));
            services.AddSingleton<IHostedService>(sp => new Recording("second", sp.GetRequiredService<Events>()));
        });
        builder.Services.AddSingleton<IHostedService>(sp => new Recording("server", sp.GetRequiredService<Events>()));
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(
            ["made server", "started server", "made first", "made second", "started first", "started second", "stopped server", "stopped second", "stopped first"],
            events.Seen);
    }

    [Fact]
    public async Task A_failing_background_service_stops_the_host()
    {
        var builder = Host.CreateApplicationBuilder();
        StartedAfterServer.Wrap(builder.Services, services => services.AddHostedService<Failing>());
        using var host = builder.Build();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.StartAsync();

        await stopping.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await host.StopAsync();
    }

    private sealed class Events
    {
        public List<string> Seen { get; } = [];
    }

    private sealed class Recording : IHostedService
    {
        private readonly string name;
        private readonly Events events;

        public Recording(string name, Events events)
        {
            (this.name, this.events) = (name, events);
            events.Seen.Add($"made {name}");
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            events.Seen.Add($"started {name}");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            events.Seen.Add($"stopped {name}");
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the worker broke");
        }
    }
}
