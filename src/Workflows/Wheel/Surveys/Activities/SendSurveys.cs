using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;
using Workflows.Steps;

namespace Workflows.Wheel.Surveys.Activities;

/// <summary>
/// Sends each nurse and each nurse's leader a personal questionnaire link (reminder 0), or, later, reminds only those
/// who have not answered. Returns how many were written to.
/// </summary>
public sealed class SendSurveys(NetworkRegistry registry, SurveyParticipants participants, WorkflowLinks links, NetworkMail mail) : KeyedActivity<SendSurveys.Input, int>
{
    /// <inheritdoc />
    protected override async Task<int> RunAsync(ActivityCall context, Input input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var occurrence = input.Occurrence;
        var network = (await registry.GetAsync<CompetenceNetwork>(occurrence.NetworkId).ConfigureAwait(false)).Entity;
        var answered = (await registry.ListAsync<SurveyAnswer>(occurrence.NetworkId).ConfigureAwait(false))
            .Where(a => a.InstanceId == context.InstanceId).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var written = 0;
        foreach (var participant in await participants.ListAsync(occurrence.NetworkId).ConfigureAwait(false))
        {
            if (answered.Contains(SurveyAnswer.IdFor(context.InstanceId, participant.Respondent, participant.Nurse.Id)))
            {
                continue;
            }

            var link = links.For(new LinkClaim(
                WorkflowLinks.AnswerPurpose, context.InstanceId, participant.Nurse.Id, participant.Respondent.ToString(),
                $"{context.InstanceId}:{participant.Respondent}:{participant.Nurse.Id}", new DateTimeOffset(NorwegianTime.StartOfDayUtc(input.Due.AddDays(1)), TimeSpan.Zero)));
            var model = WheelMail.Model(occurrence, network, participant.Person);
            model["link"] = link.ToString();
            model["due"] = NorwegianDates.Day(input.Due);
            model["nurse"] = participant.Respondent == Respondent.Leader ? participant.Nurse.Name : null;
            model["reminder"] = input.Reminder > 0;
            await mail.SendAsync(
                context, network, "survey", [participant.Person], model, keySuffix: $"{participant.Respondent}:{participant.Nurse.Id}").ConfigureAwait(false);
            written++;
        }

        return written;
    }

    /// <summary>The questionnaire, its last day and the reminder's number (0 for the first sending).</summary>
    /// <param name="Occurrence">The questionnaire's event.</param>
    /// <param name="Due">The last day to answer.</param>
    /// <param name="Reminder">0 for the first sending.</param>
    public sealed record Input(WheelOccurrence Occurrence, DateOnly Due, int Reminder);
}
