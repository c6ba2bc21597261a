using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Events;

/// <summary>What a wheel event's link (upload, registration, questionnaire, approval) points at.</summary>
/// <param name="Expired">Whether the link is past its expiry (genuine, but it may only show what it was for).</param>
/// <param name="Claim">The link's claim.</param>
/// <param name="Instance">The event's orchestration.</param>
/// <param name="Occurrence">The event.</param>
/// <param name="Network">The event's network.</param>
public sealed record WheelLinkTarget(bool Expired, LinkClaim Claim, OrchestrationMetadata Instance, WheelOccurrence Occurrence, CompetenceNetwork Network)
{
    /// <summary>The orchestration's custom status.</summary>
    public WheelEventStatus? Status => Instance.ReadCustomStatusAs<WheelEventStatus>();

    /// <summary>Whether the orchestration is running and at <paramref name="phase"/>.</summary>
    public bool IsAt(WheelPhase phase) => Instance.IsUnderway() && Status?.Phase == phase;
}
