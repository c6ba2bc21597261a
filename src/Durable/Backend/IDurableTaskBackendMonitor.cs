namespace Workflows.Durable;

/// <summary>
/// What the embedded backend can tell about its work, for those who drive its clock: tests and the year's simulation
/// run months of durable timers by waiting until nothing is due, then moving a fake clock to the next due time.
/// </summary>
public interface IDurableTaskBackendMonitor
{
    /// <summary>
    /// Work items the backend has handed out and seen finished (completed, abandoned or released), ever: it grows
    /// while work moves, so a watchdog can tell a slow machine from a stuck one.
    /// </summary>
    long WorkItemsCompleted { get; }

    /// <summary>Completes when nothing is due and nothing is handed out: every instance waits for a timer or an event, or has finished.</summary>
    Task WaitForIdleAsync(CancellationToken cancellation = default);

    /// <summary>When the next piece of work (usually a durable timer) falls due; null when none is waiting.</summary>
    Task<DateTimeOffset?> GetNextDueTimeAsync(CancellationToken cancellation = default);
}
