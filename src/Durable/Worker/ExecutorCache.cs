using Workflows.Durable.Replay;

namespace Workflows.Durable.Worker;

/// <summary>
/// Orchestrations kept in memory between episodes, so the next episode continues where the last stopped
/// instead of replaying all history. An entry is valid only for the same execution and history length.
/// Least recently used entries are dropped beyond the capacity.
/// </summary>
internal sealed class ExecutorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> order = new();
    private readonly Lock gate = new();

    public OrchestrationExecutor? Take(string instanceId, string executionId, int historyLength)
    {
        lock (gate)
        {
            if (!entries.Remove(instanceId, out var node))
            {
                return null;
            }

            order.Remove(node);
            var entry = node.Value;
            return entry.ExecutionId == executionId && entry.Executor.AppliedEventCount == historyLength ? entry.Executor : null;
        }
    }

    public void Put(string instanceId, string executionId, OrchestrationExecutor executor)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (gate)
        {
            if (entries.Remove(instanceId, out var existing))
            {
                order.Remove(existing);
            }

            entries[instanceId] = order.AddFirst(new Entry(instanceId, executionId, executor));
            while (entries.Count > capacity && order.Last is { } oldest)
            {
                order.RemoveLast();
                entries.Remove(oldest.Value.InstanceId);
            }
        }
    }

    private sealed record Entry(string InstanceId, string ExecutionId, OrchestrationExecutor Executor);
}
