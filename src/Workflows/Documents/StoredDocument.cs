namespace Workflows.Documents;

/// <summary>What the document store knows about one document.</summary>
/// <param name="Key">The document's key, a relative path such as <c>ahus/nurses/42/funksjonsbeskrivelse-signert.pdf</c>.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Length">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the content, lowercase hex.</param>
/// <param name="Immutable">True for documents that may never be replaced (signed documents).</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Metadata">Caller metadata (signers, network, …); no personal data beyond what the document holds.</param>
public sealed record StoredDocument(
    string Key,
    string ContentType,
    long Length,
    string Sha256,
    bool Immutable,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Metadata);
