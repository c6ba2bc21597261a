namespace Workflows.Resignation;

/// <summary>Starts a resignation: the nurse, the last day in the function, who reported it, and the follow-up settings.</summary>
/// <param name="NurseId">The nurse.</param>
/// <param name="EndDate">The last day in the function.</param>
/// <param name="ReportedBy">Who reported it.</param>
/// <param name="ReplacementReminderDays">Days between reminders to the leader to nominate a replacement.</param>
/// <param name="RetentionMonths">Months after the end date before the nurse's personal data is deleted.</param>
public sealed record ResignationRequest(
    string NurseId,
    DateOnly EndDate,
    ReportedBy ReportedBy,
    int ReplacementReminderDays = 14,
    int RetentionMonths = 12);
