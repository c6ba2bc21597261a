namespace Workflows.Documents;

/// <summary>A document that may not be replaced (a signed one) was put again with other content.</summary>
public sealed class DocumentConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DocumentConflictException(string key)
        : base($"Document '{key}' is immutable and already stored with other content; it is never overwritten.") => Key = key;

    /// <summary>The key.</summary>
    public string Key { get; }
}
