namespace Workflows.Functions.Hosting;

/// <summary>
/// Where the engine keeps its state (configuration section <c>Durable</c>): a SQLite file in the data directory by
/// default; Azure Storage in Azure (<c>Durable__Store=AzureStorage</c> with an account name and a managed identity,
/// or a connection string such as Azurite's).
/// </summary>
public sealed class EngineStoreSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "Durable";

    /// <summary><c>Sqlite</c> (default) or <c>AzureStorage</c>.</summary>
    public string Store { get; set; } = "Sqlite";

    /// <summary>A storage connection string (Azurite, or a key-based account).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account's name, for managed-identity sign-in.</summary>
    public string? AccountName { get; set; }

    /// <summary>The client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    /// <summary>DurableTask.AzureStorage's control-queue partitions (1 to 16). Default 4, as in Durable Functions.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait, in seconds, between polls of an empty queue on Azure Storage. Default 30.</summary>
    public double MaxQueuePollingIntervalSeconds { get; set; } = 30;

    /// <summary>The backend's own settings (section <c>Durable:Backend</c>).</summary>
    public BackendSettings Backend { get; set; } = new();

    /// <summary>True for Azure Storage.</summary>
    public bool UsesAzureStorage => string.Equals(Store, "AzureStorage", StringComparison.OrdinalIgnoreCase);

    /// <summary>Passes these settings on to the backend's Azure Storage service.</summary>
    public void Configure(Workflows.Durable.AzureStorageBackendSettings backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        backend.PartitionCount = PartitionCount;
        backend.MaxQueuePollingInterval = TimeSpan.FromSeconds(MaxQueuePollingIntervalSeconds);
    }

    /// <summary>Settings of the backend itself, whatever store it runs on.</summary>
    public sealed class BackendSettings
    {
        /// <summary>
        /// Also serve the sidecar protocol on this <c>host:port</c> (HTTP/2 without TLS, for loopback), so another process
        /// or a Durable Task SDK of another language can use this backend. Off when empty.
        /// </summary>
        public string? Listen { get; set; }
    }
}
