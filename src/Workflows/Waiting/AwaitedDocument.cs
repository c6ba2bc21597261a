using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Waiting;

/// <summary>A wheel event waiting for a document (minutes, action plan, newsletter, annual report) or its approval.</summary>
/// <param name="Occurrence">The event.</param>
/// <param name="Phase"><see cref="WheelPhase.AwaitingDocument"/> or <see cref="WheelPhase.AwaitingApproval"/>.</param>
/// <param name="Reminders">Requests sent after the first.</param>
/// <param name="NextRequestAt">When it asks again, or gives up.</param>
public sealed record AwaitedDocument(WheelOccurrence Occurrence, WheelPhase Phase, int Reminders, DateTimeOffset? NextRequestAt);
