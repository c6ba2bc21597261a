using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows.Durable.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Backend;

/// <summary>
/// Microsoft's worker and client on the backend. On SQLite the clock is fake: time moves only when a test moves it, so
/// months of durable timers pass in milliseconds. On Azurite (DurableTask.AzureStorage) time is real, and tests use
/// timers of seconds.
/// </summary>
public sealed class BackendHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string? directory;

    private BackendHost(IHost host, string? directory, FakeTimeProvider? clock)
    {
        this.host = host;
        this.directory = directory;
        Clock = clock;
    }

    /// <summary>The fake clock, on SQLite; null on Azurite, where time is real.</summary>
    public FakeTimeProvider? Clock { get; }

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    private IDurableTaskBackendMonitor? Monitor => host.Services.GetService<IDurableTaskBackendMonitor>();

    /// <summary>A host on a SQLite file (a fresh one unless <paramref name="databasePath"/> names one) with a fake clock.</summary>
    public static Task<BackendHost> StartAsync(Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null, string? databasePath = null)
    {
        var directory = databasePath is null ? Path.Combine(Path.GetTempPath(), "backend-tests", Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(databasePath)!;
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        return StartAsync(tasks, b => b.UseSqlite(databasePath ?? Path.Combine(directory, "durable.db")), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        }, databasePath is null ? directory : null, clock);
    }

    /// <summary>A host on a task hub of its own in the test run's Azurite, on the real clock.</summary>
    public static async Task<BackendHost> StartOnAzuriteAsync(Action<DurableTaskRegistry> tasks, string? taskHub = null)
    {
        var connectionString = await SharedAzurite.ConnectionStringAsync();
        taskHub ??= "hub" + Guid.NewGuid().ToString("N")[..16];
        return await StartAsync(tasks, b => b.UseAzureStorage(connectionString, taskHub, s =>
        {
            s.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);

            // A message whose worker lost it (a slow lease renewal on a loaded machine) comes back in seconds, not minutes.
            s.VisibilityTimeout = TimeSpan.FromSeconds(15);
        }), null, null, null);
    }

    private static async Task<BackendHost> StartAsync(
        Action<DurableTaskRegistry> tasks, Action<DurableTaskBackendBuilder> store, Action<IServiceCollection>? services, string? directory, FakeTimeProvider? clock)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("DURABLE_TEST_LOG") is "1")
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Debug);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskBackend(store);
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(tasks).UseBackend());
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        var host = builder.Build();
        await host.StartAsync();
        return new BackendHost(host, directory, clock);
    }

    /// <summary>
    /// On SQLite, waits until nothing is due or running (failing only if the backend stops making progress first). On
    /// Azurite there is no such moment to see: it returns at once.
    /// </summary>
    public Task IdleAsync() =>
        Monitor is { } monitor
            ? Progress.WhileMovingAsync(monitor.WaitForIdleAsync, () => monitor.WorkItemsCompleted, "the backend never became idle")
            : Task.CompletedTask;

    /// <summary>
    /// On SQLite, advances the fake clock to each next due time until <paramref name="by"/> has passed, running what
    /// falls due. On Azurite time passes by itself; the waits that follow see it.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        if (Clock is null || Monitor is not { } monitor)
        {
            return;
        }

        var until = Clock.GetUtcNow() + by;
        await IdleAsync();
        while (await monitor.GetNextDueTimeAsync() is { } next && next <= until)
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
            Moved,
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
            Moved,
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

    /// <summary>Progress as the backend counts it (SQLite); on Azurite nothing is counted and only the stall limit applies.</summary>
    private long Moved() => Monitor?.WorkItemsCompleted ?? 0;
}
