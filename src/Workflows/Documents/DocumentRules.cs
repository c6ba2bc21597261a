using System.Security.Cryptography;

namespace Workflows.Documents;

/// <summary>The rules every document store applies, in one place so the folder and Blob stores cannot drift apart.</summary>
public static class DocumentRules
{
    /// <summary>Checks a put's key and content type and returns the content's SHA-256.</summary>
    public static string Prepare(string key, ReadOnlySpan<byte> content, string contentType)
    {
        DocumentKey.Validate(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return Sha256(content);
    }

    /// <summary>The SHA-256 of <paramref name="content"/>, lowercase hex: what documents are compared and audited by.</summary>
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Decides a put over <paramref name="existing"/>: the same content returns the stored document (nothing to write);
    /// other content over an immutable document throws <see cref="DocumentConflictException"/>; otherwise null (write it).
    /// </summary>
    public static StoredDocument? Existing(StoredDocument? existing, string key, string sha256)
    {
        if (existing is null)
        {
            return null;
        }

        if (existing.Sha256 == sha256)
        {
            return existing;
        }

        return existing.Immutable ? throw new DocumentConflictException(key) : null;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when read content does not match its recorded hash.</summary>
    public static byte[] Verified(StoredDocument document, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Sha256(content) == document.Sha256
            ? content
            : throw new InvalidDataException($"Document '{document.Key}' does not match its recorded SHA-256; it has been altered.");
    }
}
