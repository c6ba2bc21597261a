using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>Asks the nearest leader to nominate a replacement, with a personal link to the nomination form.</summary>
public sealed class RequestReplacement(NetworkRegistry registry, NetworkMail mail, WorkflowLinks links) : KeyedActivity<RequestReplacement.Input>
{
    /// <summary>How long a nomination link works: until well after the next reminder brings a fresh one.</summary>
    public static readonly TimeSpan LinkValidity = TimeSpan.FromDays(90);

    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.Request.NurseId).ConfigureAwait(false);
        var expires = NorwegianTime.StartOfDayUtc(input.Request.EndDate).Add(LinkValidity);
        var link = links.For(new LinkClaim(
            WorkflowLinks.NominatePurpose, input.InstanceId, nurse.Nurse.Id, nurse.Unit.Id, input.TokenId, new DateTimeOffset(expires, TimeSpan.Zero)));
        await mail.SendAsync(
            context,
            nurse.Network,
            "replacement-request",
            [nurse.NearestLeader],
            new Dictionary<string, object?>
            {
                ["leader"] = nurse.NearestLeader.Name,
                ["nurse"] = nurse.Nurse.Name,
                ["unit"] = nurse.Unit.Name,
                ["endDate"] = NorwegianDates.Day(input.Request.EndDate),
                ["link"] = link.ToString(),
                ["reminder"] = input.Reminder,
                ["networkLeader"] = nurse.Network.NetworkLeader.Name,
            }).ConfigureAwait(false);
    }

    /// <summary>The resignation, the link's id and the reminder's number (0 for the first request).</summary>
    /// <param name="InstanceId">The resignation instance the nomination goes to.</param>
    /// <param name="Request">The resignation.</param>
    /// <param name="TokenId">The nomination link's id.</param>
    /// <param name="Reminder">The reminder's number.</param>
    public sealed record Input(string InstanceId, ResignationRequest Request, string TokenId, int Reminder);
}
