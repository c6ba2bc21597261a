using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflows.Durable.Storage.Azure;

/// <summary>
/// Puts text too large for a table property (64 KB of UTF-16) in a blob and leaves its name on the row, so rows and
/// batches stay inside Table Storage's limits whatever the size of an input, output or event.
/// </summary>
internal sealed class AzurePayloads(BlobContainerClient container)
{
    /// <summary>Longest text kept on the row itself (characters).</summary>
    public const int InlineLimit = 30_000;

    private const string BlobSuffix = "Blob";

    public BlobContainerClient Container => container;

    /// <summary>Sets <paramref name="name"/> on <paramref name="entity"/>, in a blob when too large.</summary>
    public async Task SetAsync(TableEntity entity, string name, string? value, CancellationToken cancellation)
    {
        entity.Remove(name);
        entity.Remove(name + BlobSuffix);
        if (value is null)
        {
            return;
        }

        if (value.Length <= InlineLimit)
        {
            entity[name] = value;
            return;
        }

        var blobName = $"{entity.PartitionKey}/{Guid.NewGuid():N}";
        await container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(value), overwrite: true, cancellation).ConfigureAwait(false);
        entity[name + BlobSuffix] = blobName;
    }

    /// <summary>Reads what <see cref="SetAsync"/> wrote.</summary>
    public async Task<string?> GetAsync(TableEntity entity, string name, CancellationToken cancellation)
    {
        if (entity.GetString(name + BlobSuffix) is { } blobName)
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellation).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }

        return entity.GetString(name);
    }

    /// <summary>Removes every payload of one instance (purge, or replacing a finished instance).</summary>
    public async Task DeleteInstanceAsync(string partitionKey, CancellationToken cancellation)
    {
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, partitionKey + "/", cancellation).ConfigureAwait(false))
        {
            try
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellation).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }
    }

    /// <summary>A rough size of a row in a batch request, to keep batches under 4 MB.</summary>
    public static int EstimateBytes(TableEntity entity)
    {
        var bytes = 512;
        foreach (var (_, value) in entity)
        {
            bytes += value is string text ? text.Length * 2 : 32;
        }

        return bytes;
    }
}
