namespace Workflows.Durable;

/// <summary>
/// A sequence fetched page by page, shaped like Azure.Core's type of the same name: enumerate it with
/// <c>await foreach</c>, or walk <see cref="AsPages"/> to keep continuation tokens.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The pages, starting after <paramref name="continuationToken"/>.</summary>
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}
