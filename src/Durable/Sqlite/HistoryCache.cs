using Core = DurableTask.Core;

namespace Workflows.Durable.Sqlite;

/// <summary>
/// The orchestration states this process committed last, newest first, up to a number of history events in all: an
/// instance's next turn takes its state from here instead of reading, decoding and replaying into a new state every
/// event again. A state is handed out only when the file still holds exactly its history (same execution, same
/// length), and it leaves the cache while its turn runs, so a turn that is not committed never leaves a state behind
/// that the file does not have.
/// </summary>
internal sealed class HistoryCache
{
    private readonly int capacity;
    private readonly object gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private int events;

    /// <param name="capacity">How many history events the cache holds in all, over every instance.</param>
    public HistoryCache(int capacity) => this.capacity = capacity;

    /// <summary>
    /// Takes the instance's state out of the cache when it is the one stored; null when the file must be read.
    /// <paramref name="storedCount"/> (a read of the file) is asked only when there is a state to check.
    /// </summary>
    public Core.OrchestrationRuntimeState? Take(string instanceId, string? executionId, Func<long> storedCount)
    {
        Core.OrchestrationRuntimeState state;
        lock (gate)
        {
            if (!entries.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            Remove(node);
            state = node.Value.State;
        }

        return state.OrchestrationInstance?.ExecutionId == executionId && state.NewEvents.Count == 0 && state.Events.Count == storedCount() ? state : null;
    }

    /// <summary>Keeps the state just committed for an instance; its new events become past events.</summary>
    public void Remember(string instanceId, Core.OrchestrationRuntimeState state)
    {
        foreach (var e in state.NewEvents)
        {
            state.PastEvents.Add(e);
        }

        state.NewEvents.Clear();
        lock (gate)
        {
            if (entries.TryGetValue(instanceId, out var old))
            {
                Remove(old);
            }

            if (state.Events.Count > capacity)
            {
                return;
            }

            entries[instanceId] = recency.AddFirst(new Entry(instanceId, state, state.Events.Count));
            events += state.Events.Count;
            while (events > capacity && recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        entries.Remove(node.Value.InstanceId);
        events -= node.Value.EventCount;
    }

    private sealed record Entry(string InstanceId, Core.OrchestrationRuntimeState State, int EventCount);
}
