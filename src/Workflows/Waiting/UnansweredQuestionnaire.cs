using Workflows.Network;
using Workflows.Wheel.Surveys;

namespace Workflows.Waiting;

/// <summary>One questionnaire not yet answered: who should answer, about which nurse, in which area.</summary>
/// <param name="Respondent">Nurse or nearest leader.</param>
/// <param name="Person">Who should answer.</param>
/// <param name="NurseName">The nurse it is about.</param>
/// <param name="AreaName">The nurse's area.</param>
public sealed record UnansweredQuestionnaire(Respondent Respondent, Person Person, string NurseName, string AreaName);
