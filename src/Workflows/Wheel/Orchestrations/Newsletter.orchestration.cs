using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Wheel.Orchestrations;

/// <summary>
/// A newsletter (twice a year): from the invitation day the network leader is asked to upload it, reminded weekly
/// until its day; once uploaded it goes to every resource nurse and leader.
/// </summary>
[DurableTask(Name)]
public sealed class NewsletterOrchestration : TaskOrchestrator<WheelOccurrence, WheelEventStatus>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Newsletter";

    /// <inheritdoc />
    public override async Task<WheelEventStatus> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var status = WheelSteps.Report(context, new WheelEventStatus { Phase = WheelPhase.AwaitingDocument });
        var (collected, letter) = await WheelSteps.CollectAndShareAsync(context, input, WheelDocumentKind.Newsletter, input.FollowUpBy ?? input.LastDate, status);
        return WheelSteps.Report(context, collected with { Phase = letter is null ? WheelPhase.DocumentMissing : WheelPhase.Done });
    }
}
