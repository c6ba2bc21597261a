namespace Workflows.Durable;

/// <summary>One page of results and the token to the next.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    public Page(IReadOnlyList<T> values, string? continuationToken)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>The token to the next page; null on the last page.</summary>
    public string? ContinuationToken { get; }
}
