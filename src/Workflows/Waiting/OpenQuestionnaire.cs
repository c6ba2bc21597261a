using Workflows.Wheel.Plan;

namespace Workflows.Waiting;

/// <summary>The annual reporting or the yearly evaluation while answers come in.</summary>
/// <param name="Occurrence">The event.</param>
/// <param name="Expected">Questionnaires out (nurses and their leaders).</param>
/// <param name="Reminders">Reminders sent.</param>
/// <param name="Closes">When it closes.</param>
/// <param name="Unanswered">The questionnaires not yet answered.</param>
public sealed record OpenQuestionnaire(
    WheelOccurrence Occurrence, int Expected, int Reminders, DateTimeOffset? Closes, IReadOnlyList<UnansweredQuestionnaire> Unanswered)
{
    /// <summary>Questionnaires answered.</summary>
    public int Answered => Expected - Unanswered.Count;
}
