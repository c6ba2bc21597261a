using Microsoft.Extensions.Time.Testing;
using Workflows.Durable.History;
using Workflows.Durable.Storage;

namespace Workflows.Durable.Tests.Storage;

/// <summary>
/// The store contract, written once and run against every store: atomic commits guarded by version and lease,
/// leases that lapse so another worker takes over, messages hidden until due, one result per activity.
/// </summary>
public abstract class OrchestrationStoreConformance : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

    protected IOrchestrationStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Clock);
        await Store.InitializeAsync();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    protected abstract Task<IOrchestrationStore> CreateStoreAsync(TimeProvider clock);

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private async Task<OrchestrationWorkItem> CreateAndLease(string id, string worker = "A")
    {
        await Store.CreateInstanceAsync(new NewInstance(id, "Flow", "\"in\"", Clock.GetUtcNow()));
        return Assert.Single(await Store.LockNextOrchestrationsAsync(worker, 10, Lease));
    }

    private OrchestrationCommit Started(OrchestrationWorkItem item, params ActivityRequest[] activities) => new()
    {
        Status = OrchestrationRuntimeStatus.Running,
        NewHistory = [new OrchestratorStartedEvent { Timestamp = Clock.GetUtcNow().UtcDateTime }, item.Messages[0].Event],
        ConsumedMessages = item.Messages,
        Activities = activities,
    };

    [Fact]
    public async Task CreateInstance_ThenLease_DeliversTheStartMessage()
    {
        var item = await CreateAndLease("i1");

        Assert.Equal(OrchestrationRuntimeStatus.Pending, item.Instance.Status);
        var started = Assert.IsType<ExecutionStartedEvent>(Assert.Single(item.Messages).Event);
        Assert.Equal("Flow", started.Name);
        Assert.Equal(0, item.HistoryLength);
    }

    [Fact]
    public async Task CreateInstance_UnfinishedIdTaken_Throws()
    {
        await Store.CreateInstanceAsync(new NewInstance("dup", "Flow", null, Clock.GetUtcNow()));

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            Store.CreateInstanceAsync(new NewInstance("dup", "Flow", null, Clock.GetUtcNow())));
    }

    [Fact]
    public async Task Lease_HeldByOneWorker_IsNotGivenToAnotherUntilItLapses()
    {
        await CreateAndLease("i1", "A");

        Assert.Empty(await Store.LockNextOrchestrationsAsync("B", 10, Lease));
        Clock.Advance(Lease);
        var takenOver = Assert.Single(await Store.LockNextOrchestrationsAsync("B", 10, Lease));

        Assert.Equal("i1", takenOver.Instance.InstanceId);
    }

    [Fact]
    public async Task Commit_AfterLeaseWasTakenOver_IsRefusedAndChangesNothing()
    {
        var stale = await CreateAndLease("i1", "A");
        Clock.Advance(Lease);
        var fresh = Assert.Single(await Store.LockNextOrchestrationsAsync("B", 10, Lease));

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.CompleteOrchestrationAsync("A", stale, Started(stale)));
        Assert.Empty(await Store.GetHistoryAsync("i1"));

        await Store.CompleteOrchestrationAsync("B", fresh, Started(fresh));
        Assert.Equal(2, (await Store.GetHistoryAsync("i1")).Count);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Store.GetInstanceAsync("i1"))!.Status);
    }

    [Fact]
    public async Task Commit_WithAStaleVersion_IsRefused()
    {
        var item = await CreateAndLease("i1");
        await Store.CompleteOrchestrationAsync("A", item, Started(item));
        await Store.SendMessageAsync("i1", new EventRaisedEvent("Go", null));
        var next = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));

        var replayed = next with { Instance = next.Instance with { Version = item.Instance.Version } };

        await Assert.ThrowsAsync<StoreConflictException>(() => Store.CompleteOrchestrationAsync("A", replayed, new OrchestrationCommit
        {
            Status = OrchestrationRuntimeStatus.Completed,
            ConsumedMessages = next.Messages,
        }));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await Store.GetInstanceAsync("i1"))!.Status);
    }

    [Fact]
    public async Task Commit_AppendsHistoryConsumesMessagesAndSchedulesWork_Atomically()
    {
        var item = await CreateAndLease("i1");
        var timerDue = Clock.GetUtcNow().AddDays(30);

        await Store.CompleteOrchestrationAsync("A", item, Started(item, new ActivityRequest("i1", item.Instance.ExecutionId, 0, "Send", "1")) with
        {
            Messages = [new OutgoingMessage("i1", item.Instance.ExecutionId, new TimerFiredEvent(1, timerDue.UtcDateTime), timerDue)],
            CustomStatus = "\"waiting\"",
        });

        Assert.Empty(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        var activity = Assert.Single(await Store.LockNextActivitiesAsync("A", 10, Lease));
        Assert.Equal(("Send", "1", 0), (activity.Request.Name, activity.Request.Input, activity.Request.TaskId));
        Assert.Equal(timerDue, await Store.GetNextWakeUpAsync("A", Clock.GetUtcNow()));
        Assert.Equal("\"waiting\"", (await Store.GetInstanceAsync("i1"))!.CustomStatus);

        Clock.Advance(TimeSpan.FromDays(30));
        var timer = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        Assert.IsType<TimerFiredEvent>(Assert.Single(timer.Messages).Event);
        Assert.Equal(2, timer.HistoryLength);
    }

    [Fact]
    public async Task ActivityResult_FromAWorkerWhoseLeaseWasTakenOver_IsDropped_SoEachTaskHasOneResult()
    {
        var item = await CreateAndLease("i1");
        await Store.CompleteOrchestrationAsync("A", item, Started(item, new ActivityRequest("i1", item.Instance.ExecutionId, 0, "Send", null)));
        var first = Assert.Single(await Store.LockNextActivitiesAsync("A", 10, Lease));
        Clock.Advance(Lease);
        var second = Assert.Single(await Store.LockNextActivitiesAsync("B", 10, Lease));
        Assert.Equal(2, second.Attempt);

        await Store.CompleteActivitiesAsync("A", [(first, new TaskCompletedEvent(0, "\"late\""))]);
        await Store.CompleteActivitiesAsync("B", [(second, new TaskCompletedEvent(0, "\"ok\""))]);

        var next = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        var result = Assert.IsType<TaskCompletedEvent>(Assert.Single(next.Messages).Event);
        Assert.Equal("\"ok\"", result.Result);
    }

    [Fact]
    public async Task SuspendedInstance_TakesOnlyOperatorCommands()
    {
        var item = await CreateAndLease("i1");
        await Store.CompleteOrchestrationAsync("A", item, Started(item) with { Status = OrchestrationRuntimeStatus.Suspended });

        await Store.SendMessageAsync("i1", new EventRaisedEvent("Go", null));
        Assert.Empty(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        Assert.False(await Store.HasDueWorkAsync());

        await Store.SendMessageAsync("i1", new ExecutionResumedEvent(null));
        var resumed = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        Assert.Equal(2, resumed.Messages.Count);
    }

    [Fact]
    public async Task SendMessage_UnknownInstance_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => Store.SendMessageAsync("nobody", new EventRaisedEvent("Go", null)));
    }

    [Fact]
    public async Task LargePayload_OfFiveMegabytes_IsStoredAndReadBack()
    {
        var input = "\"" + new string('ø', 5 * 1024 * 1024) + "\"";
        await Store.CreateInstanceAsync(new NewInstance("big", "Flow", input, Clock.GetUtcNow()));

        var item = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));

        Assert.Equal(input, Assert.IsType<ExecutionStartedEvent>(item.Messages[0].Event).Input);
        Assert.Equal(input, (await Store.GetInstanceAsync("big"))!.Input);
    }

    [Fact]
    public async Task ContinueAsNew_ClearsHistoryAndStartsANewExecution()
    {
        var item = await CreateAndLease("i1");
        await Store.CompleteOrchestrationAsync("A", item, Started(item));
        await Store.SendMessageAsync("i1", new EventRaisedEvent("Go", null));
        var next = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));

        await Store.CompleteOrchestrationAsync("A", next, new OrchestrationCommit
        {
            Status = OrchestrationRuntimeStatus.Running,
            ConsumedMessages = next.Messages,
            NewExecutionId = "exec-2",
            NewInput = "\"again\"",
            Messages = [new OutgoingMessage("i1", "exec-2", new ExecutionStartedEvent("Flow", "\"again\""), Clock.GetUtcNow())],
        });

        Assert.Empty(await Store.GetHistoryAsync("i1"));
        var record = (await Store.GetInstanceAsync("i1"))!;
        Assert.Equal(("exec-2", "\"again\""), (record.ExecutionId, record.Input));
        var restarted = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        Assert.Equal(0, restarted.HistoryLength);
    }

    [Fact]
    public async Task LateActivityResult_ForAFinishedInstance_IsLeasedWithItsOutput_SoTheWorkerKeepsIt()
    {
        var item = await CreateAndLease("i1");
        await Store.CompleteOrchestrationAsync("A", item, Started(item, new ActivityRequest("i1", item.Instance.ExecutionId, 0, "Send", null)));
        var activity = Assert.Single(await Store.LockNextActivitiesAsync("A", 10, Lease));
        await Store.SendMessageAsync("i1", new ExecutionTerminatedEvent("\"stop\""));
        var stop = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));
        await Store.CompleteOrchestrationAsync("A", stop, new OrchestrationCommit
        {
            Status = OrchestrationRuntimeStatus.Terminated,
            Output = "\"stop\"",
            ConsumedMessages = stop.Messages,
        });

        await Store.CompleteActivitiesAsync("A", [(activity, new TaskCompletedEvent(0, "\"late\""))]);
        var late = Assert.Single(await Store.LockNextOrchestrationsAsync("A", 10, Lease));

        Assert.Equal((OrchestrationRuntimeStatus.Terminated, "\"stop\""), (late.Instance.Status, late.Instance.Output));
    }

    [Fact]
    public async Task Leasing_WithoutACommit_CountsAttempts_AndACommitResetsThem()
    {
        var first = await CreateAndLease("i1", "A");
        Clock.Advance(Lease);
        var second = Assert.Single(await Store.LockNextOrchestrationsAsync("B", 10, Lease));
        await Store.AbandonOrchestrationAsync("B", second);
        var third = Assert.Single(await Store.LockNextOrchestrationsAsync("C", 10, Lease));

        Assert.Equal((1, 2, 3), (first.Attempt, second.Attempt, third.Attempt));
        await Store.CompleteOrchestrationAsync("C", third, Started(third));
        await Store.SendMessageAsync("i1", new EventRaisedEvent("Go", null));
        Assert.Equal(1, Assert.Single(await Store.LockNextOrchestrationsAsync("C", 10, Lease)).Attempt);
    }

    [Fact]
    public async Task LockOrchestration_ByInstanceId_LeasesThatOneOnlyWhenItHasDueWork()
    {
        await Store.CreateInstanceAsync(new NewInstance("i1", "Flow", null, Clock.GetUtcNow()));
        await Store.CreateInstanceAsync(new NewInstance("later", "Flow", null, Clock.GetUtcNow().AddDays(1)));

        Assert.Null(await Store.LockOrchestrationAsync("A", "later", Lease));
        Assert.Null(await Store.LockOrchestrationAsync("A", "nobody", Lease));
        var item = await Store.LockOrchestrationAsync("A", "i1", Lease);
        Assert.Equal("i1", item?.Instance.InstanceId);
        Assert.Null(await Store.LockOrchestrationAsync("B", "i1", Lease));
    }
}
