using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Resignation.Activities;

/// <summary>Tells the network leader, the area leader and the nearest leader that the nurse is leaving, each by name.</summary>
public sealed class SendResignationNotices(NetworkRegistry registry, NetworkMail mail) : KeyedActivity<ResignationRequest>
{
    /// <inheritdoc />
    protected override async Task RunAsync(ActivityCall context, ResignationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nurse = await registry.ContextOfAsync(input.NurseId).ConfigureAwait(false);
        var reporter = ReporterName(nurse, input.ReportedBy);
        var recipients = new[] { ("network-leader", nurse.Network.NetworkLeader), ("area-leader", nurse.Area.AreaLeader), ("nearest-leader", nurse.NearestLeader) }
            .DistinctBy(r => r.Item2.Email, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, person) in recipients)
        {
            await mail.SendAsync(
                context,
                nurse.Network,
                "resignation-notice",
                [person],
                new Dictionary<string, object?>
                {
                    ["recipient"] = person.Name,
                    ["nurse"] = nurse.Nurse.Name,
                    ["unit"] = nurse.Unit.Name,
                    ["area"] = nurse.Area.Name,
                    ["endDate"] = NorwegianDates.Day(input.EndDate),
                    ["reportedBy"] = reporter,
                    ["networkLeader"] = nurse.Network.NetworkLeader.Name,
                },
                keySuffix: key).ConfigureAwait(false);
        }
    }

    private static string ReporterName(NurseContext nurse, ReportedBy reportedBy) => reportedBy switch
    {
        ReportedBy.Nurse => nurse.Nurse.Name ?? string.Empty,
        ReportedBy.Leader => nurse.NearestLeader.Name,
        _ => nurse.Network.Language == NetworkLanguage.Nynorsk ? "nettverksleiinga" : "nettverksledelsen",
    };
}
