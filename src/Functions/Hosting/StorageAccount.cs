using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Workflows.Functions.Hosting;

/// <summary>
/// The one storage account the engine, the registry and the documents share in Azure: reached with a connection
/// string (Azurite, a key-based account) or by name with a managed identity, as the <c>Durable</c> section says.
/// </summary>
internal sealed class StorageAccount
{
    private readonly EngineStoreSettings settings;
    private readonly Lazy<TokenCredential?> credential;

    public StorageAccount(EngineStoreSettings settings)
    {
        this.settings = settings;
        credential = new Lazy<TokenCredential?>(() => settings.ConnectionString is null
            ? new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ClientId })
            : null);
    }

    /// <summary>The managed-identity credential; null when a connection string is used.</summary>
    public TokenCredential? Credential => credential.Value;

    public TableServiceClient Tables() => settings.ConnectionString is { } connection
        ? new TableServiceClient(connection)
        : new TableServiceClient(Endpoint("table"), Credential);

    public BlobServiceClient Blobs() => settings.ConnectionString is { } connection
        ? new BlobServiceClient(connection)
        : new BlobServiceClient(Endpoint("blob"), Credential);

    private Uri Endpoint(string service) => new(
        $"https://{settings.AccountName ?? throw new InvalidOperationException("Durable:ConnectionString or Durable:AccountName is required for Azure Storage.")}.{service}.core.windows.net/");
}
