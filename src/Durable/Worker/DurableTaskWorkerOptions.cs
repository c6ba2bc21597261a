namespace Workflows.Durable;

/// <summary>How a worker runs: its identity, concurrency, leases and polling.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Whether this process runs work at all; false for a client-only process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether the worker looks for work itself. False in a process that only runs work pushed to it
    /// (<see cref="DurableTaskWorker.ProcessNoticeAsync"/>, called by a queue trigger).
    /// </summary>
    public bool RunLoop { get; set; } = true;

    /// <summary>The name this worker's leases carry; unique per process.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>How many orchestration episodes run at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 32;

    /// <summary>How many activities run at once.</summary>
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>How long a lease lasts before another worker may take the work over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look for work from other processes when nothing in this process signals it.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times an instance may be leased without a commit (episodes that crash the process, cannot be
    /// prepared, or lose their lease) before the worker fails it instead of trying forever.
    /// </summary>
    public int MaxEpisodeAttempts { get; set; } = 10;

    /// <summary>How many times an activity may be delivered (its lease lapsing each time) before it fails without running again.</summary>
    public int MaxActivityAttempts { get; set; } = 10;

    /// <summary>How many replayed orchestrations are kept in memory between episodes.</summary>
    public int ExecutorCacheSize { get; set; } = 1000;
}
