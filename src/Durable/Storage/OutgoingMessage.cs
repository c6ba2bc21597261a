using Workflows.Durable.History;

namespace Workflows.Durable.Storage;

/// <summary>A message a commit sends to an instance's inbox (its own for timers, another's for events and results).</summary>
/// <param name="InstanceId">The receiving instance.</param>
/// <param name="ExecutionId">The receiving execution; null for any.</param>
/// <param name="Event">The event.</param>
/// <param name="VisibleAt">When it may be processed: a timer's due time, else now.</param>
public sealed record OutgoingMessage(string InstanceId, string? ExecutionId, HistoryEvent Event, DateTimeOffset VisibleAt);
