using Workflows.Signing;

namespace Workflows.Wheel.Surveys;

/// <summary>A respondent in the words of the roles a nurse's people have.</summary>
public static class RespondentExtensions
{
    /// <summary>The role a respondent answers in: the nurse, or the nurse's nearest leader.</summary>
    public static SignerRole Role(this Respondent respondent) => respondent switch
    {
        Respondent.Nurse => SignerRole.Nurse,
        Respondent.Leader => SignerRole.NearestLeader,
        _ => throw new ArgumentOutOfRangeException(nameof(respondent), respondent, "Not a respondent."),
    };
}
