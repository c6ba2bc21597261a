using DurableTask.Core;
using DurableTask.Core.History;
using Workflows.Durable.Sqlite;

namespace Workflows.Durable.Tests.Sqlite;

public sealed class HistoryCacheTests
{
    [Fact]
    public void ACommittedState_IsHandedOutOnce_WithItsNewEventsMadePast()
    {
        var cache = new HistoryCache(capacity: 100);
        var state = Started("a", "e1", extraEvents: 2);

        cache.Remember("a", state);
        var taken = cache.Take("a", "e1", storedCount: () => 4);

        Assert.Same(state, taken);
        Assert.Equal(4, taken!.PastEvents.Count);
        Assert.Empty(taken.NewEvents);
        Assert.Null(cache.Take("a", "e1", storedCount: () => 4));
    }

    [Fact]
    public void AStateTheFileNoLongerHolds_IsNotHandedOut()
    {
        var cache = new HistoryCache(capacity: 100);

        cache.Remember("a", Started("a", "e1", extraEvents: 2));
        Assert.Null(cache.Take("a", "e1", storedCount: () => 6));

        cache.Remember("b", Started("b", "e1", extraEvents: 2));
        Assert.Null(cache.Take("b", "e2", storedCount: () => 4));
    }

    [Fact]
    public void BeyondItsCapacity_TheLeastRecentStatesGo()
    {
        var cache = new HistoryCache(capacity: 10);

        cache.Remember("old", Started("old", "e", extraEvents: 2));
        cache.Remember("new", Started("new", "e", extraEvents: 4));
        cache.Remember("newest", Started("newest", "e", extraEvents: 1));

        Assert.Null(cache.Take("old", "e", storedCount: () => 4));
        Assert.NotNull(cache.Take("new", "e", storedCount: () => 6));
        Assert.NotNull(cache.Take("newest", "e", storedCount: () => 3));
    }

    private static OrchestrationRuntimeState Started(string instanceId, string executionId, int extraEvents)
    {
        var state = new OrchestrationRuntimeState();
        state.AddEvent(new OrchestratorStartedEvent(-1));
        state.AddEvent(new ExecutionStartedEvent(-1, null) { Name = "Flow", OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = executionId } });
        for (var i = 0; i < extraEvents; i++)
        {
            state.AddEvent(new TimerCreatedEvent(i, new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc)));
        }

        return state;
    }
}
