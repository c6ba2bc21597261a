using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows.TestSupport;
using static Workflows.Durable.DurableTaskBackendExtensions;
using Monitor = Workflows.Durable.IDurableTaskBackendMonitor;

namespace DurableBackend.Tests;

/// <summary>
/// Microsoft's worker and client on the backend over a fresh SQLite file and a fake clock: time moves only when a test
/// moves it, so months of durable timers pass in milliseconds.
/// </summary>
public sealed class BackendHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string? directory;

    private BackendHost(IHost host, string? directory, FakeTimeProvider clock)
    {
        this.host = host;
        this.directory = directory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public Monitor Monitor => host.Services.GetRequiredService<Monitor>();

    public static async Task<BackendHost> StartAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null, string? databasePath = null)
    {
        var directory = databasePath is null ? Path.Combine(Path.GetTempPath(), "backend-tests", Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("DURABLE_TEST_LOG") is "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskBackend(b => b.UseSqlite(databasePath ?? Path.Combine(directory, "durable.db")));
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(tasks).UseBackend());
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        var host = builder.Build();
        await host.StartAsync();
        return new BackendHost(host, databasePath is null ? directory : null, clock);
    }

    /// <summary>Waits until nothing is due or running; fails only if the backend stops making progress first.</summary>
    public Task IdleAsync() => Progress.WhileMovingAsync(Monitor.WaitForIdleAsync, () => Monitor.WorkItemsCompleted, "the backend never became idle");

    /// <summary>Advances the clock to each next due time until <paramref name="by"/> has passed, running what falls due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        var until = Clock.GetUtcNow() + by;
        await IdleAsync();
        while (await Monitor.GetNextDueTimeAsync() is { } next && next <= until)
        {
            Clock.SetUtcNow(next > Clock.GetUtcNow() ? next : Clock.GetUtcNow());
            await IdleAsync();
        }

        Clock.SetUtcNow(until);
        await IdleAsync();
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        OrchestrationMetadata? done = null;
        await Progress.WhileMovingAsync(
            async token => done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, token),
            () => Monitor.WorkItemsCompleted,
            $"{instanceId} never finished");
        return done!;
    }

    /// <summary>Waits until the instance's state satisfies <paramref name="condition"/>, as long as the backend keeps moving.</summary>
    public Task WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition) =>
        Progress.WhileMovingAsync(
            async token =>
            {
                while (await Client.GetInstanceAsync(instanceId, token) is not { } m || !condition(m))
                {
                    await Task.Delay(20, token);
                }
            },
            () => Monitor.WorkItemsCompleted,
            $"{instanceId} never reached the state waited for");

    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await CompletionAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        if (directory is not null)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
