using Workflows.Wheel.Calendar;

namespace Workflows.Wheel.Orchestrations;

/// <summary>Which orchestration carries each kind of wheel event.</summary>
public static class WheelOrchestrations
{
    private static readonly Dictionary<WheelEventKind, string> ByKind = new()
    {
        [WheelEventKind.StrategyRevision] = StrategyRevisionOrchestration.Name,
        [WheelEventKind.LocalGathering] = LocalGatheringOrchestration.Name,
        [WheelEventKind.Newsletter] = NewsletterOrchestration.Name,
        [WheelEventKind.AnnualReporting] = Surveys.SurveyOrchestration.Name,
        [WheelEventKind.AnnualReportPublication] = Reports.AnnualReportPublicationOrchestration.Name,
        [WheelEventKind.YearlyEvaluation] = Surveys.SurveyOrchestration.Name,
        [WheelEventKind.LeadersMeeting] = MeetingOrchestration.Name,
        [WheelEventKind.WorkingGroupMeeting] = MeetingOrchestration.Name,
        [WheelEventKind.SubjectDay] = Courses.CourseOrchestration.Name,
        [WheelEventKind.IntroCourse] = Courses.CourseOrchestration.Name,
        [WheelEventKind.BasicCourse] = Courses.CourseOrchestration.Name,
    };

    /// <summary>The orchestrator for <paramref name="kind"/>; null while that kind is still run by hand.</summary>
    public static string? For(WheelEventKind kind) => ByKind.GetValueOrDefault(kind);
}
