using Workflows.Adapters.Documents;
using Workflows.Documents;

namespace Workflows.Functions.Hosting;

/// <summary>
/// Creates the Blob containers at start when documents live in Azure Storage: the Bicep creates them in Azure, but
/// Azurite and a fresh account start empty.
/// </summary>
internal sealed class DocumentStoreInitialization(IDocumentStore documents) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        (documents is MeteredDocumentStore metered ? metered.Inner : documents) is BlobDocumentStore blobs ? blobs.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
