using System.Runtime.CompilerServices;
using System.Text.Json;
using Workflows.Documents;

namespace Workflows.Adapters.Documents;

/// <summary>
/// The embedded document store: each document is a file under the root, with its description (content type, SHA-256,
/// metadata) in a <c>.meta.json</c> beside it. Files are written to a temporary name and moved into place, so a
/// crash never leaves half a document; immutable documents are also made read-only on disk.
/// </summary>
public sealed class FolderDocumentStore : IDocumentStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly string root;
    private readonly DocumentLinkSigner links;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim writes = new(1, 1);

    /// <summary>Creates a store rooted at <paramref name="root"/> (created when missing).</summary>
    public FolderDocumentStore(string root, DocumentLinkSigner links, TimeProvider time)
    {
        this.root = Path.GetFullPath(root);
        this.links = links;
        this.time = time;
        Directory.CreateDirectory(this.root);
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
        await writes.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var existing = await ReadDescriptionAsync(key, cancellation).ConfigureAwait(false);
            if (DocumentRules.Existing(existing, key, sha256) is { } unchanged)
            {
                return unchanged;
            }

            var document = new StoredDocument(key, contentType, content.Length, sha256, immutable, time.GetUtcNow(),
                new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal));
            var path = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            await WriteAtomicallyAsync(path, content, cancellation).ConfigureAwait(false);
            await WriteAtomicallyAsync(path + DocumentKey.ReservedSuffix, JsonSerializer.SerializeToUtf8Bytes(document, Json), cancellation).ConfigureAwait(false);
            if (immutable && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead);
            }

            return document;
        }
        finally
        {
            writes.Release();
        }
    }

    /// <inheritdoc />
    public async Task<(StoredDocument Document, byte[] Content)?> GetAsync(string key, CancellationToken cancellation = default)
    {
        DocumentKey.Validate(key);
        if (await ReadDescriptionAsync(key, cancellation).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var content = await File.ReadAllBytesAsync(PathOf(key), cancellation).ConfigureAwait(false);
        return (document, DocumentRules.Verified(document, content));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredDocument> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var keys = Directory.EnumerateFiles(root, "*" + DocumentKey.ReservedSuffix, SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file)[..^DocumentKey.ReservedSuffix.Length].Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (await ReadDescriptionAsync(key, cancellation).ConfigureAwait(false) is { } document)
            {
                yield return document;
            }
        }
    }

    /// <inheritdoc />
    public Task<Uri> GetReadLinkAsync(string key, TimeSpan validFor, CancellationToken cancellation = default) =>
        Task.FromResult(links.Create(key, validFor));

    /// <inheritdoc />
    public void Dispose() => writes.Dispose();

    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));

    private async Task<StoredDocument?> ReadDescriptionAsync(string key, CancellationToken cancellation)
    {
        var path = PathOf(key) + DocumentKey.ReservedSuffix;
        if (!File.Exists(path))
        {
            return null;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<StoredDocument>(stream, Json, cancellation).ConfigureAwait(false);
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellation)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellation).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
