using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>A message waiting in an instance's inbox: an event that a future episode applies.</summary>
/// <param name="Id">The store's id of the message, used to delete it when consumed.</param>
/// <param name="ExecutionId">The execution it is for; null for any (external events, operator commands).</param>
/// <param name="Event">The event.</param>
public sealed record StoredMessage(string Id, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>True for operator commands that are handled even while the instance is suspended.</summary>
    public bool IsControl => IsControlEvent(Event);

    /// <summary>True for terminate, suspend and resume.</summary>
    public static bool IsControlEvent(HistoryEvent e) =>
        e is ExecutionTerminatedEvent or ExecutionSuspendedEvent or ExecutionResumedEvent;
}
