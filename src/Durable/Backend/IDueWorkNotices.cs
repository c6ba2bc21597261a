namespace Workflows.Durable;

/// <summary>
/// Notices of due durable work for a platform that stops the app while it is idle (Azure Functions scaled to zero):
/// for every durable timer and scheduled start, a message that becomes visible when the work falls due, so whatever
/// watches the queue starts the app in time. DurableTask.AzureStorage polls its own queues only while the app runs.
/// </summary>
public interface IDueWorkNotices
{
    /// <summary>
    /// Leaves a notice for <paramref name="instanceId"/> that becomes visible at <paramref name="dueAt"/>, or after the
    /// longest delay the queue allows (seven days) when that is further off; the woken app then leaves the next one.
    /// </summary>
    Task NoticeAsync(string instanceId, DateTimeOffset dueAt, CancellationToken cancellation = default);
}
