using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Workflows.Durable.Storage;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Support;

/// <summary>
/// A worker and client on a fresh store (a SQLite file unless told otherwise) and a fake clock. Time moves only when a test advances it,
/// so months of durable timers pass in milliseconds.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> hosted;
    private readonly string directory;

    private readonly EngineStore store;

    private EngineHost(ServiceProvider provider, string directory, FakeTimeProvider clock, EngineStore store)
    {
        this.provider = provider;
        this.directory = directory;
        this.store = store;
        Clock = clock;
        hosted = provider.GetServices<IHostedService>().ToList();
    }

    public FakeTimeProvider Clock { get; }

    public DurableTaskClient Client => provider.GetRequiredService<DurableTaskClient>();

    public DurableTaskWorker Worker => provider.GetRequiredService<DurableTaskWorker>();

    public IOrchestrationStore Store => provider.GetRequiredService<IOrchestrationStore>();

    public IServiceProvider Services => provider;


    public static Task<EngineHost> StartAsync(
        EngineStore store,
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services = null,
        Action<DurableTaskWorkerOptions>? worker = null) =>
        StartAsync(tasks, services, worker, store);

    public static async Task<EngineHost> StartAsync(
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? services = null,
        Action<DurableTaskWorkerOptions>? worker = null,
        EngineStore? store = null)
    {
        store ??= EngineStore.Sqlite();
        var directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddLogging(l =>
        {
            if (Environment.GetEnvironmentVariable("DURABLE_TEST_LOG") is "1")
            {
                l.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }
        });
        collection.AddSingleton<TimeProvider>(clock);
        services?.Invoke(collection);
        collection.AddDurableTask(b =>
        {
            b.AddTasks(tasks);
            store.Configure(b);
            b.ConfigureWorker(o =>
            {
                o.PollingInterval = TimeSpan.FromSeconds(5);
                worker?.Invoke(o);
            });
        });
        var host = new EngineHost(collection.BuildServiceProvider(), directory, clock, store);
        foreach (var service in host.hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return host;
    }

    /// <summary>Waits until nothing is due or running; fails only if the worker stops making progress before that.</summary>
    public async Task IdleAsync()
    {
        await Progress.WhileMovingAsync(
            Worker.WaitForIdleAsync,
            () => Worker.WorkItemsRun,
            async () => $"Never idle: {Worker.Describe()}; now {Clock.GetUtcNow():O}; {await DumpAsync()}");
    }

    private async Task<string> DumpAsync()
    {
        if (store.AzureConnectionString is { } connectionString)
        {
            var rows = new List<string> { $"task hub {store.Location}" };
            foreach (var table in new[] { "Work", "Instances" })
            {
                var client = new Azure.Data.Tables.TableClient(connectionString, store.Location + table);
                await foreach (var row in client.QueryAsync<Azure.Data.Tables.TableEntity>())
                {
                    rows.Add(string.Join(" | ", row.Where(p => p.Key is not ("Event" or "Input" or "odata.etag")).Select(p => $"{p.Key}={p.Value}")));
                }
            }

            return string.Join(Environment.NewLine, rows);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Location}");
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT 'instance', instance_id, status, version, lock_owner, lock_expires_at, history_length FROM instances",
            "SELECT 'message', id, instance_id, visible_at, substr(event, 1, 60) FROM messages",
            "SELECT 'activity', id, instance_id, task_id, lock_owner, lock_expires_at FROM activities",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Lets due work finish, moves the clock, and lets what became due finish.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await IdleAsync();
        Clock.Advance(by);
        await IdleAsync();
    }

    /// <summary>Advances the clock to each next due time until <paramref name="until"/>, running what falls due.</summary>
    public async Task RunUntilAsync(DateTimeOffset until)
    {
        await IdleAsync();
        while (await Worker.GetNextDueTimeAsync() is { } next && next <= until)
        {
            Clock.SetUtcNow(next > Clock.GetUtcNow() ? next : Clock.GetUtcNow());
            await IdleAsync();
        }

        if (Clock.GetUtcNow() < until)
        {
            Clock.SetUtcNow(until);
            await IdleAsync();
        }
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        OrchestrationMetadata? completed = null;
        await Progress.WhileMovingAsync(
            async token => completed = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, token),
            () => Worker.WorkItemsRun,
            async () => $"{instanceId} never finished: {Worker.Describe()}; now {Clock.GetUtcNow():O}; {await DumpAsync()}");
        return completed!;
    }

    public async Task<OrchestrationMetadata> RunAsync(TaskName orchestrator, object? input = null, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
        return await CompletionAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
