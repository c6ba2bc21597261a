using Workflows.Network;

namespace Workflows.Wheel.Surveys;

/// <summary>Who a questionnaire goes to: every active nurse, and each nurse's nearest leader about that nurse.</summary>
public sealed class SurveyParticipants(NetworkRegistry registry)
{
    /// <summary>One questionnaire to answer: who answers, about which nurse, in which area.</summary>
    /// <param name="Respondent">Nurse or leader.</param>
    /// <param name="Person">Who answers.</param>
    /// <param name="Nurse">The nurse it is about.</param>
    /// <param name="AreaId">The nurse's area.</param>
    public sealed record Participant(Respondent Respondent, Person Person, ResourceNurse Nurse, string AreaId);

    /// <summary>Every questionnaire of the network as the registry stands today.</summary>
    public async Task<IReadOnlyList<Participant>> ListAsync(string networkId, CancellationToken cancellation = default)
    {
        var today = registry.Today;
        var units = (await registry.ListAsync<Unit>(networkId, cancellation).ConfigureAwait(false)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var participants = new List<Participant>();
        foreach (var nurse in await registry.ListAsync<ResourceNurse>(networkId, cancellation).ConfigureAwait(false))
        {
            if (nurse.Status is not (NurseStatus.Active or NurseStatus.Onboarding) || nurse.Email is null || nurse.EndDate < today || !units.TryGetValue(nurse.UnitId, out var unit))
            {
                continue;
            }

            participants.Add(new Participant(Respondent.Nurse, new Person(nurse.Name!, nurse.Email), nurse, unit.AreaId));
            participants.Add(new Participant(Respondent.Leader, nurse.LeaderIn(unit), nurse, unit.AreaId));
        }

        return participants;
    }
}
