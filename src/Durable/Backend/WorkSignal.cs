namespace Workflows.Durable;

/// <summary>
/// Wakes as many waiting takers as there is new work, not all of them: a message for one instance needs one taker,
/// and waking every idle taker for it made each of them take nothing in a write of its own. A pulse nobody waits for
/// is kept (up to a few) for the next wait, so work that arrives between a look and a wait is not missed.
/// </summary>
internal sealed class WorkSignal
{
    private readonly object gate = new();
    private readonly LinkedList<TaskCompletionSource> waiters = new();
    private readonly int maxKept;
    private int kept;

    /// <param name="maxKept">How many pulses are kept for later waits when nobody waits.</param>
    public WorkSignal(int maxKept) => this.maxKept = maxKept;

    /// <summary>Waits for a pulse; cancelling withdraws the wait, so it takes no pulse meant for another.</summary>
    public Task WaitAsync(CancellationToken cancellation)
    {
        LinkedListNode<TaskCompletionSource> node;
        lock (gate)
        {
            if (kept > 0)
            {
                kept--;
                return Task.CompletedTask;
            }

            node = waiters.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        cancellation.Register(() =>
        {
            lock (gate)
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }
            }

            node.Value.TrySetCanceled(cancellation);
        });
        return node.Value.Task;
    }

    /// <summary>Wakes up to <paramref name="count"/> waits, keeping the rest for waits to come.</summary>
    public void Pulse(int count = 1)
    {
        var woken = new List<TaskCompletionSource>();
        lock (gate)
        {
            while (count > 0 && waiters.First is { } first)
            {
                waiters.RemoveFirst();
                woken.Add(first.Value);
                count--;
            }

            kept = Math.Min(maxKept, kept + count);
        }

        woken.ForEach(w => w.TrySetResult());
    }
}
