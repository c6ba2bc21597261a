namespace Workflows.Durable.Storage;

/// <summary>
/// A store that puts <see cref="WorkNotice"/>s on a queue for a queue trigger. A notice that arrives before its
/// work is due goes back on the queue (a queue hides a message for at most seven days, so long timers are chained).
/// </summary>
public interface IWorkNoticeQueue
{
    /// <summary>Puts <paramref name="notice"/> back on the queue, hidden until its due time or for as long as the queue allows.</summary>
    Task DeferAsync(WorkNotice notice, CancellationToken cancellation = default);

    /// <summary>Sets a notice aside on the poison queue with the reason it could not be handled.</summary>
    Task SetAsideAsync(string message, string reason, CancellationToken cancellation = default);
}
