namespace Workflows.Durable;

/// <summary>Settings of the embedded SQLite backend.</summary>
public sealed class SqliteBackendSettings
{
    /// <summary>How long a taken instance or activity stays with its worker without renewal (renewed while it runs); a crashed process's work is taken over after it. Default one minute.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the file is looked at for work written by other processes. Work from this process wakes the backend at once. Default one second.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Orchestration turns handed out at once. Default 100.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities handed out at once. Default 100.</summary>
    public int MaxConcurrentActivities { get; set; } = 100;
}
