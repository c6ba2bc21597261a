namespace Workflows.Durable;

/// <summary>How a worker runs: its identity, concurrency, leases and polling.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>Whether this process runs work at all; false for a client-only process.</summary>
    public bool Enabled { get; set; } = true;

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

    /// <summary>How many replayed orchestrations are kept in memory between episodes.</summary>
    public int ExecutorCacheSize { get; set; } = 1000;
}
