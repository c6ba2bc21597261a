using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Workflows.Documents;

namespace Workflows.Adapters.Documents;

/// <summary>
/// Documents in Azure Blob Storage: mutable ones in one container, immutable (signed) ones in another whose
/// immutability policy Azure enforces (infra/bicep); the store also refuses other content itself, so the rule holds
/// on the emulator too. Links are read-only SAS URLs: from a user-delegation key with Entra credentials in Azure, from
/// the account key with a connection string (Azurite).
/// </summary>
public sealed class BlobDocumentStore : IDocumentStore
{
    private const string Sha256Key = "sha256";
    private const string ImmutableKey = "immutable";
    private const string CreatedKey = "created";
    private const string MetadataKey = "meta";

    private readonly BlobServiceClient service;
    private readonly BlobContainerClient documents;
    private readonly BlobContainerClient signed;
    private readonly TimeProvider time;

    /// <summary>Creates a store over two containers of <paramref name="service"/>.</summary>
    public BlobDocumentStore(BlobServiceClient service, TimeProvider time, string documentsContainer = "documents", string signedContainer = "signed-documents")
    {
        ArgumentNullException.ThrowIfNull(service);
        this.service = service;
        this.time = time;
        documents = service.GetBlobContainerClient(documentsContainer);
        signed = service.GetBlobContainerClient(signedContainer);
    }

    /// <summary>Creates the containers when missing (the Bicep creates them in Azure).</summary>
    public async Task InitializeAsync(CancellationToken cancellation = default)
    {
        await documents.CreateIfNotExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
        await signed.CreateIfNotExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredDocument> PutAsync(
        string key,
        ReadOnlyMemory<byte> content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        bool immutable = false,
        CancellationToken cancellation = default)
    {
        var sha256 = DocumentRules.Prepare(key, content.Span, contentType);
        var existing = await FindAsync(key, cancellation).ConfigureAwait(false);
        if (DocumentRules.Existing(existing?.Document, key, sha256) is { } unchanged)
        {
            return unchanged;
        }

        // Stored at millisecond precision, so the returned record equals what a later read gives.
        var created = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        var document = new StoredDocument(key, contentType, content.Length, sha256, immutable, created,
            new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal));
        var blob = (immutable ? signed : documents).GetBlobClient(key);
        var replacing = existing is { } previous && previous.Blob.BlobContainerName == blob.BlobContainerName;
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = ToBlobMetadata(document),
            Conditions = replacing ? new BlobRequestConditions { IfMatch = existing!.Value.ETag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(new BinaryData(content), options, cancellation).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Someone stored this key meanwhile (a retried activity racing itself): same content is fine.
            if (await FindAsync(key, cancellation).ConfigureAwait(false) is { } raced && raced.Document.Sha256 == sha256)
            {
                return raced.Document;
            }

            throw new DocumentConflictException(key);
        }

        if (existing is { } moved && !replacing)
        {
            // A draft became a signed document: it now lives in the signed container only.
            await moved.Blob.DeleteIfExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
        }

        return document;
    }

    /// <inheritdoc />
    public async Task<(StoredDocument Document, byte[] Content)?> GetAsync(string key, CancellationToken cancellation = default)
    {
        DocumentKey.Validate(key);
        if (await FindAsync(key, cancellation).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var download = await found.Blob.DownloadContentAsync(cancellation).ConfigureAwait(false);
        return (found.Document, DocumentRules.Verified(found.Document, download.Value.Content.ToArray()));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var all = new List<StoredDocument>();
        foreach (var container in new[] { documents, signed })
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellation).ConfigureAwait(false))
            {
                all.Add(FromBlobMetadata(item.Name, item.Properties.ContentType, item.Properties.ContentLength ?? 0, item.Metadata));
            }
        }

        foreach (var document in all.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public async Task<Uri> GetReadLinkAsync(string key, TimeSpan validFor, CancellationToken cancellation = default)
    {
        DocumentKey.Validate(key);
        var found = await FindAsync(key, cancellation).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"No document '{key}'.");
        var now = time.GetUtcNow();
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, now.Add(validFor))
        {
            BlobContainerName = found.Blob.BlobContainerName,
            BlobName = key,
            Resource = "b",
            StartsOn = now.AddMinutes(-5),
        };
        if (found.Blob.CanGenerateSasUri)
        {
            return found.Blob.GenerateSasUri(sas);
        }

        var delegation = await service.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellation).ConfigureAwait(false);
        return new BlobUriBuilder(found.Blob.Uri) { Sas = sas.ToSasQueryParameters(delegation.Value, service.AccountName) }.ToUri();
    }

    private async Task<(StoredDocument Document, BlobClient Blob, ETag ETag)?> FindAsync(string key, CancellationToken cancellation)
    {
        foreach (var container in new[] { signed, documents })
        {
            var blob = container.GetBlobClient(key);
            try
            {
                var properties = await blob.GetPropertiesAsync(cancellationToken: cancellation).ConfigureAwait(false);
                var document = FromBlobMetadata(key, properties.Value.ContentType, properties.Value.ContentLength, properties.Value.Metadata);
                return (document, blob, properties.Value.ETag);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
            }
        }

        return null;
    }

    // Blob metadata takes ASCII identifiers and values only, so caller metadata (names with æøå) travels as base64 JSON.
    private static Dictionary<string, string> ToBlobMetadata(StoredDocument document) => new()
    {
        [Sha256Key] = document.Sha256,
        [ImmutableKey] = document.Immutable ? "true" : "false",
        [CreatedKey] = document.CreatedAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        [MetadataKey] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(document.Metadata)),
    };

    private static StoredDocument FromBlobMetadata(string key, string contentType, long length, IDictionary<string, string> metadata)
    {
        var caller = metadata.TryGetValue(MetadataKey, out var encoded)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(Encoding.UTF8.GetString(Convert.FromBase64String(encoded))) ?? []
            : [];
        return new StoredDocument(
            key,
            contentType,
            length,
            metadata.TryGetValue(Sha256Key, out var sha) ? sha : string.Empty,
            metadata.TryGetValue(ImmutableKey, out var immutable) && immutable == "true",
            DateTimeOffset.FromUnixTimeMilliseconds(metadata.TryGetValue(CreatedKey, out var created) ? long.Parse(created, System.Globalization.CultureInfo.InvariantCulture) : 0),
            caller);
    }
}
