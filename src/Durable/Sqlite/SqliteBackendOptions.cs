namespace Workflows.Durable.Sqlite;

/// <summary>Settings of the embedded SQLite backend.</summary>
internal sealed record SqliteBackendOptions(string DatabasePath)
{
    /// <summary>How long a taken instance or activity stays with its worker without renewal; a crashed worker's work is taken over after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the file is looked at for work written by other processes; work from this process wakes the backend at once.</summary>
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long work given back by a worker waits before it is handed out again.</summary>
    public TimeSpan AbandonDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many history events, over all instances, are kept in memory after their turns so the next turn need not read them.</summary>
    public int CachedHistoryEvents { get; init; } = 100_000;

    public int MaxConcurrentOrchestrations { get; init; } = 100;

    public int MaxConcurrentActivities { get; init; } = 100;
}
