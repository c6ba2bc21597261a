using Workflows.Adapters.Documents;
using Workflows.Documents;
using Workflows.Functions.Startup;

namespace Workflows.Functions.Hosting;

/// <summary>
/// Creates the Blob containers at start when documents live in Azure Storage: the Bicep creates them in Azure, but
/// Azurite and a fresh account start empty.
/// </summary>
internal sealed class DocumentStoreInitialization(IServiceProvider services) : AfterServerStart
{
    // The store is made here, not injected, so making it (its signing key read or created) waits for the server too.
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<IDocumentStore>();
        if ((documents is MeteredDocumentStore metered ? metered.Inner : documents) is BlobDocumentStore blobs)
        {
            await blobs.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
