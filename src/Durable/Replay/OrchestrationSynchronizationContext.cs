namespace Workflows.Durable.Replay;

/// <summary>
/// Runs an orchestrator's continuations one at a time, in the order they were posted, on the thread that
/// drains it. This is what makes replay deterministic: no continuation runs on the thread pool.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> pending = new();
    private readonly Lock gate = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (gate)
        {
            pending.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations, and those they post, until none is left.</summary>
    public void RunPending()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (gate)
            {
                if (!pending.TryDequeue(out next))
                {
                    return;
                }
            }

            next.Callback(next.State);
        }
    }
}
