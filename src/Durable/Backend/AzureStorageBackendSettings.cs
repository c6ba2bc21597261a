namespace Workflows.Durable;

/// <summary>Settings passed on to DurableTask.AzureStorage's orchestration service.</summary>
public sealed class AzureStorageBackendSettings
{
    /// <summary>Control-queue partitions (1 to 16): how many workers can share the orchestrations. Default 4, as in Durable Functions.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait between polls of an empty queue (the provider backs off up to it). Default 30 seconds.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Orchestration turns handed out at once. Default 100.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities handed out at once. Default 100.</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>
    /// How long a dequeued message stays hidden from other workers: the longest a crashed worker's turn or activity waits
    /// before another takes it. Default five minutes, as in DurableTask.AzureStorage.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A queue the backend fills with a notice for every durable timer and scheduled start, each visible when its work
    /// falls due (see <see cref="IDueWorkNotices"/>): what a platform that scales the app to zero watches to start it in
    /// time. Null (the default): no notices.
    /// </summary>
    public string? WakeUpQueue { get; set; }
}
