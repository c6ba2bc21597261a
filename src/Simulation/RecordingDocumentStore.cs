using Workflows.Documents;

namespace Workflows.Simulation;

/// <summary>The throwaway document store, with each new document on the timeline.</summary>
internal sealed class RecordingDocumentStore(IDocumentStore inner, SimulationTimeline timeline, TimeProvider time) : IDocumentStore
{
    public async Task<StoredDocument> PutAsync(
        string key, ReadOnlyMemory<byte> content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, bool immutable = false, CancellationToken cancellation = default)
    {
        var stored = await inner.PutAsync(key, content, contentType, metadata, immutable, cancellation).ConfigureAwait(false);
        timeline.Add(time.GetUtcNow(), "doc", $"{key} ({content.Length / 1024} KiB)");
        return stored;
    }

    public Task<(StoredDocument Document, byte[] Content)?> GetAsync(string key, CancellationToken cancellation = default) => inner.GetAsync(key, cancellation);

    public IAsyncEnumerable<StoredDocument> ListAsync(string prefix, CancellationToken cancellation = default) => inner.ListAsync(prefix, cancellation);

    public Task<Uri> GetReadLinkAsync(string key, TimeSpan validFor, CancellationToken cancellation = default) => inner.GetReadLinkAsync(key, validFor, cancellation);
}
