using Workflows.Durable.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Worker;

public abstract class DurableTaskWorkerTests : EngineTests, IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "durable-tests", Guid.NewGuid().ToString("N"));

    public DurableTaskWorkerTests() => Directory.CreateDirectory(directory);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task InProcessWork_WakesTheWorkerAtOnce_WithoutPolling()
    {
        await using var host = await EngineHost.StartAsync(
            Store,
            r => r
                .AddActivityFunc<int, int>("Inc", (_, n) => n + 1)
                .AddOrchestratorFunc<int, int>("Chain", async (ctx, n) =>
                {
                    for (var i = 0; i < 20; i++)
                    {
                        n = await ctx.CallActivityAsync<int>("Inc", n);
                    }

                    return n;
                }),
            worker: o => o.PollingInterval = TimeSpan.FromDays(1));
        var before = host.Clock.GetUtcNow();

        var result = await host.RunAsync("Chain", 0);

        Assert.Equal(20, result.ReadOutputAs<int>());
        Assert.Equal(before, host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task DueTimers_FireAfterARestart()
    {
        static void Tasks(DurableTaskRegistry r) => r.AddOrchestratorFunc<object?, string>("Quarter", async (ctx, _) =>
        {
            await ctx.CreateTimer(TimeSpan.FromDays(90), CancellationToken.None);
            return "fired";
        });
        await using (var first = await EngineHost.StartAsync(Store, Tasks))
        {
            await first.Client.ScheduleNewOrchestrationInstanceAsync("Quarter", null, new StartOrchestrationOptions("q1"));
            await first.IdleAsync();
        }

        await using var second = await EngineHost.StartAsync(Store, Tasks);
        await second.AdvanceAsync(TimeSpan.FromDays(90));

        Assert.Equal("fired", (await second.CompletionAsync("q1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WorkerProcessKilledMidWorkload_AFreshOneFinishesEveryInstance()
    {
        await using var store = Store.CreateStore();
        await using var client = new StoreDurableTaskClient(store, pollingInterval: TimeSpan.FromMilliseconds(100));
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", 10, new StartOrchestrationOptions($"crash-{i}")));
        }

        using (var doomed = await WorkerProcess.StartAsync(Store, directory, leaseSeconds: 2, activityDelayMs: 20, concurrency: 4))
        {
            await doomed.ExecutionsReached(100);
            doomed.Kill();
        }

        Assert.Contains(ids, id => client.GetInstanceAsync(id).Result!.RuntimeStatus != OrchestrationRuntimeStatus.Completed);
        using var survivor = await WorkerProcess.StartAsync(Store, directory, leaseSeconds: 2, activityDelayMs: 0);
        await EveryInstanceCompletesAsync(client, ids, () => survivor.Executions);

        var executed = Journal().ToList();
        Assert.Equal(300, executed.Distinct().Count());
    }

    [Fact]
    public async Task TwoWorkerProcessesOnOneStore_RunEveryActivityOnce()
    {
        await using var store = Store.CreateStore();
        await using var client = new StoreDurableTaskClient(store, pollingInterval: TimeSpan.FromMilliseconds(100));
        await store.InitializeAsync();
        // Few slots each, so neither process can take the whole workload alone.
        using var first = await WorkerProcess.StartAsync(Store, directory, leaseSeconds: 30, activityDelayMs: 5, concurrency: 4);
        using var second = await WorkerProcess.StartAsync(Store, directory, leaseSeconds: 30, activityDelayMs: 5, concurrency: 4);
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", 10, new StartOrchestrationOptions($"shared-{i}")));
        }

        await EveryInstanceCompletesAsync(client, ids, () => first.Executions + second.Executions);

        var executed = Journal().ToList();
        Assert.Equal(400, executed.Count);
        Assert.Equal(400, executed.Distinct().Count());
        Assert.Equal(2, Directory.GetFiles(directory, "*.log").Length);
    }

    /// <summary>
    /// Waits for each instance to complete with 10 for as long as the workers keep running activities: the workload
    /// takes what this machine's speed makes it take, and only a stall fails the test.
    /// </summary>
    private static Task EveryInstanceCompletesAsync(StoreDurableTaskClient client, IReadOnlyList<string> ids, Func<long> executions) =>
        Progress.WhileMovingAsync(
            async token =>
            {
                foreach (var id in ids)
                {
                    var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, token);
                    Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
                    Assert.Equal(10, result.ReadOutputAs<int>());
                }
            },
            executions,
            $"{ids.Count} instances waited for, the workers stopped running activities");

    private IEnumerable<string> Journal() =>
        Directory.GetFiles(directory, "*.log").SelectMany(File.ReadAllLines).Where(line => line.Length > 0);

    public sealed class OnSqlite : DurableTaskWorkerTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => SqliteAsync();
    }

    public sealed class OnAzurite : DurableTaskWorkerTests
    {
        protected override Task<EngineStore> CreateStoreAsync() => AzuriteAsync();
    }
}
