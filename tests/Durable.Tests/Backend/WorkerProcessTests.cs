using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Durable.Tests.Support;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Backend;

/// <summary>
/// Worker processes (tests/Durable.TestWorker: Microsoft's worker on our backend) sharing one store with this test,
/// which only starts and watches instances through a client of its own.
/// </summary>
public abstract class WorkerProcessTests : IAsyncDisposable
{
    private readonly string journals = Path.Combine(Path.GetTempPath(), "backend-workers", Guid.NewGuid().ToString("N"));
    private IHost? clientHost;

    protected WorkerProcessTests() => Directory.CreateDirectory(journals);

    /// <summary>The store as the worker takes it, and the connection string it needs (Azure only).</summary>
    protected abstract Task<(string Argument, string? Connection)> StoreAsync();

    protected abstract void UseStore(DurableTaskBackendBuilder backend, string argument, string? connection);

    /// <summary>
    /// Whether the store runs each activity exactly once when two processes share it. SQLite does: a turn is committed
    /// with its activities in one transaction under the instance's lease. DurableTask.AzureStorage promises at least
    /// once: it sends a turn's messages before it writes the turn's history, so a turn whose history write loses a race
    /// (a partition lease moved under load) has already sent its activities.
    /// </summary>
    protected virtual bool RunsEachActivityExactlyOnce => true;

    [Fact]
    public async Task AWorkerKilledMidWorkload_IsTakenOverByAFreshOne_AndEveryInstanceFinishes()
    {
        var (store, connection) = await StoreAsync();
        var client = await ClientAsync(store, connection);
        var ids = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", 10, new StartOrchestrationOptions($"crash-{i}")));
        }

        using (var doomed = await WorkerProcess.StartAsync(store, connection, journals, leaseSeconds: 2, activityDelayMs: 20, concurrency: 4))
        {
            await doomed.ExecutionsReached(100);
            doomed.Kill();
        }

        var unfinished = 0;
        foreach (var id in ids)
        {
            unfinished += (await client.GetInstanceAsync(id))!.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
        }

        Assert.True(unfinished > 0, "The worker finished everything before it was killed: the test proved nothing.");
        using var survivor = await WorkerProcess.StartAsync(store, connection, journals, leaseSeconds: 2, activityDelayMs: 0);
        await EveryInstanceCompletesAsync(client, ids, () => survivor.Executions);

        Assert.Equal(300, Journal().Distinct().Count());
    }

    [Fact]
    public async Task TwoWorkerProcessesOnOneStore_RunEveryActivityOnce()
    {
        var (store, connection) = await StoreAsync();
        var client = await ClientAsync(store, connection);

        // Few slots each, so neither process can take the whole workload alone.
        using var first = await WorkerProcess.StartAsync(store, connection, journals, leaseSeconds: 30, activityDelayMs: 5, concurrency: 4);
        using var second = await WorkerProcess.StartAsync(store, connection, journals, leaseSeconds: 30, activityDelayMs: 5, concurrency: 4);
        var ids = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", 10, new StartOrchestrationOptions($"shared-{i}")));
        }

        await EveryInstanceCompletesAsync(client, ids, () => first.Executions + second.Executions);

        var executed = Journal().ToList();
        Assert.Equal(400, executed.Distinct().Count());
        if (RunsEachActivityExactlyOnce)
        {
            Assert.Equal(400, executed.Count);
        }

        Assert.Equal(2, Directory.GetFiles(journals, "*.log").Count(f => new FileInfo(f).Length > 0));
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (clientHost is not null)
        {
            await clientHost.StopAsync();
            clientHost.Dispose();
        }

        try
        {
            Directory.Delete(journals, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<DurableTaskClient> ClientAsync(string store, string? connection)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableTaskBackend(b => UseStore(b, store, connection));
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        clientHost = builder.Build();
        await clientHost.StartAsync();
        return clientHost.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>Waits for each instance to complete with 10 for as long as the workers keep running activities: only a stall fails.</summary>
    private static Task EveryInstanceCompletesAsync(DurableTaskClient client, IReadOnlyList<string> ids, Func<long> executions) =>
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
            $"{ids.Count} instances waited for; the workers stopped running activities");

    private IEnumerable<string> Journal() =>
        Directory.GetFiles(journals, "*.log").SelectMany(File.ReadAllLines).Where(line => line.Length > 0);
}

public sealed class WorkerProcessesOnSqlite : WorkerProcessTests
{
    /// <summary>
    /// The backend in this process serves the protocol on a loopback port; a worker in another process, with no backend
    /// of its own, uses it as its sidecar over TCP and runs every instance.
    /// </summary>
    [Fact]
    public async Task AWorkerInAnotherProcess_UsesThisBackendAsItsSidecarOverTcp()
    {
        var journals = Path.Combine(Path.GetTempPath(), "backend-workers", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(journals);
        var port = FreePorts.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableTaskBackend(b => b
            .UseSqlite(Path.Combine(journals, "durable.db"))
            .ListenOn($"127.0.0.1:{port}"));
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        using var remote = await WorkerProcess.StartAsync($"grpc:http://127.0.0.1:{port}", null, journals, leaseSeconds: 30, activityDelayMs: 0, concurrency: 4);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await client.ScheduleNewOrchestrationInstanceAsync("Chain", 10, new StartOrchestrationOptions($"remote-{i}")));
        }

        await Progress.WhileMovingAsync(
            async token =>
            {
                foreach (var id in ids)
                {
                    Assert.Equal(10, (await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, token)).ReadOutputAs<int>());
                }
            },
            () => remote.Executions,
            "the remote worker stopped running activities");
        Assert.Equal(50, remote.Executions);
        await host.StopAsync();
    }

    protected override Task<(string Argument, string? Connection)> StoreAsync() =>
        Task.FromResult<(string, string?)>(("sqlite:" + Path.Combine(Path.GetTempPath(), "backend-workers", Guid.NewGuid().ToString("N"), "durable.db"), null));

    protected override void UseStore(DurableTaskBackendBuilder backend, string argument, string? connection) =>
        backend.UseSqlite(argument["sqlite:".Length..], s => s.PollingInterval = TimeSpan.FromMilliseconds(100));
}

public sealed class WorkerProcessesOnAzurite : WorkerProcessTests
{
    protected override async Task<(string Argument, string? Connection)> StoreAsync() =>
        ("azure:hub" + Guid.NewGuid().ToString("N")[..16], await SharedAzurite.ConnectionStringAsync());

    protected override void UseStore(DurableTaskBackendBuilder backend, string argument, string? connection) =>
        backend.UseAzureStorage(connection!, argument["azure:".Length..]);
}
