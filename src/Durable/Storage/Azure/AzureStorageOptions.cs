using Azure.Core;

namespace Workflows.Durable.Storage.Azure;

/// <summary>
/// Where the Azure Storage store keeps a task hub: by connection string (Azurite, or a key-based account), or by
/// account name with an Entra credential (managed identity in Azure, where shared keys are switched off).
/// </summary>
public sealed class AzureStorageOptions
{
    /// <summary>The task hub's name; it prefixes every table, queue and container, so several hubs share an account.</summary>
    public string TaskHub { get; set; } = "workflows";

    /// <summary>A storage connection string; when set, <see cref="AccountName"/> is not used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account's name, for Entra sign-in to its public endpoints.</summary>
    public string? AccountName { get; set; }

    /// <summary>The credential used with <see cref="AccountName"/>; <c>DefaultAzureCredential</c> when null.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>
    /// Whether to put a wake-up notice on the work queue when work becomes due, for the Functions queue trigger.
    /// Off for a process that only runs its own worker loop.
    /// </summary>
    public bool SendWorkNotices { get; set; } = true;

    /// <summary>How many inbox messages one episode takes at most; the rest wait for the next episode.</summary>
    public int MaxMessagesPerEpisode { get; set; } = 64;

    /// <summary>Checks the settings and names the hub's resources.</summary>
    internal AzureTaskHubNames Validate()
    {
        if (string.IsNullOrEmpty(ConnectionString) && string.IsNullOrEmpty(AccountName))
        {
            throw new ArgumentException("Set either a storage connection string or a storage account name.");
        }

        if (MaxMessagesPerEpisode is < 1 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessagesPerEpisode), MaxMessagesPerEpisode, "One episode takes between 1 and 90 messages (a table batch holds 100 operations).");
        }

        return AzureTaskHubNames.For(TaskHub);
    }
}
