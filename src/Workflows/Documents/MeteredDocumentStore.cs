using Workflows.Telemetry;

namespace Workflows.Documents;

/// <summary>Counts the documents <paramref name="inner"/> files; reads pass straight through.</summary>
/// <param name="inner">The store that stores.</param>
/// <param name="metrics">The instruments.</param>
public sealed class MeteredDocumentStore(IDocumentStore inner, WorkflowsMetrics metrics) : IDocumentStore
{
    /// <summary>The store that stores (the host prepares it at start: Blob containers).</summary>
    public IDocumentStore Inner => inner;

    /// <inheritdoc />
    public async Task<StoredDocument> PutAsync(
        string key, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool immutable = false, CancellationToken cancellation = default)
    {
        var stored = await inner.PutAsync(key, content, contentType, metadata, immutable, cancellation).ConfigureAwait(false);
        metrics.DocumentFiled(immutable);
        return stored;
    }

    /// <inheritdoc />
    public Task<(StoredDocument Document, byte[] Content)?> GetAsync(string key, CancellationToken cancellation = default) => inner.GetAsync(key, cancellation);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredDocument> ListAsync(string prefix, CancellationToken cancellation = default) => inner.ListAsync(prefix, cancellation);

    /// <inheritdoc />
    public Task<Uri> GetReadLinkAsync(string key, TimeSpan validFor, CancellationToken cancellation = default) => inner.GetReadLinkAsync(key, validFor, cancellation);
}
