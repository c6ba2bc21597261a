namespace Workflows.Durable.Storage;

/// <summary>An instance a worker has leased, with the inbox messages that are due.</summary>
/// <param name="Instance">The instance's state when leased.</param>
/// <param name="Messages">Due messages in arrival order.</param>
/// <param name="HistoryLength">How many events its history holds.</param>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, IReadOnlyList<StoredMessage> Messages, int HistoryLength)
{
    /// <summary>The store's receipt for the lease, where it needs one.</summary>
    public string? LeaseToken { get; init; }

    /// <summary>
    /// How many times the instance has been leased since its last commit: 1 normally, more when episodes crashed,
    /// failed to prepare or lost their lease. The worker fails an instance that keeps coming back.
    /// </summary>
    public int Attempt { get; init; } = 1;
}
