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

    /// <summary>Whether this process runs the engine's own worker loop; queue-trigger wake-ups are handled either way.</summary>
    public bool RunWorkerLoop { get; set; } = true;

    /// <summary>Whether the Azure store puts wake-up notices on the work queue (for the queue trigger).</summary>
    public bool SendWorkNotices { get; set; } = true;

    /// <summary>True for Azure Storage.</summary>
    public bool UsesAzureStorage => string.Equals(Store, "AzureStorage", StringComparison.OrdinalIgnoreCase);
}
