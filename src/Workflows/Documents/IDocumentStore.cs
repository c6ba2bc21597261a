namespace Workflows.Documents;

/// <summary>
/// Where documents live: a folder as the embedded default, Blob Storage in Azure. Puts are idempotent by key (the
/// same content again is a no-op, which makes retried activities safe); an immutable document is never replaced.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under <paramref name="key"/>. The same content again returns the stored
    /// document; other content replaces a mutable document and throws <see cref="DocumentConflictException"/> for an
    /// immutable one.
    /// </summary>
    Task<StoredDocument> PutAsync(
        string key,
        ReadOnlyMemory<byte> content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        bool immutable = false,
        CancellationToken cancellation = default);

    /// <summary>Reads a document and its content; null when there is none.</summary>
    Task<(StoredDocument Document, byte[] Content)?> GetAsync(string key, CancellationToken cancellation = default);

    /// <summary>Lists documents whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<StoredDocument> ListAsync(string prefix, CancellationToken cancellation = default);

    /// <summary>A read-only link to the document that stops working after <paramref name="validFor"/>.</summary>
    Task<Uri> GetReadLinkAsync(string key, TimeSpan validFor, CancellationToken cancellation = default);
}
