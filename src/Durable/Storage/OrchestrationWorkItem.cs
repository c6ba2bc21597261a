namespace Workflows.Durable.Storage;

/// <summary>An instance a worker has leased, with the inbox messages that are due.</summary>
/// <param name="Instance">The instance's state when leased.</param>
/// <param name="Messages">Due messages in arrival order.</param>
/// <param name="HistoryLength">How many events its history holds.</param>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, IReadOnlyList<StoredMessage> Messages, int HistoryLength)
{
    /// <summary>The store's receipt for the lease, where it needs one.</summary>
    public string? LeaseToken { get; init; }
}
