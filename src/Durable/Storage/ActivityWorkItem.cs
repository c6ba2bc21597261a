namespace Workflows.Durable.Storage;

/// <summary>An activity a worker has leased.</summary>
/// <param name="Id">The store's id of the work item.</param>
/// <param name="Request">What to run.</param>
/// <param name="Attempt">1 on first delivery, higher when redelivered after a lost lease.</param>
public sealed record ActivityWorkItem(string Id, ActivityRequest Request, int Attempt)
{
    /// <summary>The store's receipt for the lease, where it needs one.</summary>
    public string? LeaseToken { get; init; }
}
