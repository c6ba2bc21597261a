using Workflows.Wheel.Calendar;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Reports;
using Workflows.Wheel.Surveys;

namespace Workflows.Wheel.Orchestrations;

/// <summary>Which orchestration carries each kind of wheel event.</summary>
public static class WheelOrchestrations
{
    private static readonly HashSet<string> Names = [.. Enum.GetValues<WheelEventKind>().Select(For)];

    /// <summary>True when <paramref name="orchestratorName"/> carries wheel events (its input is a wheel occurrence).</summary>
    public static bool Carries(string orchestratorName) => Names.Contains(orchestratorName);

    /// <summary>The orchestrator for <paramref name="kind"/>.</summary>
    public static string For(WheelEventKind kind) => kind switch
    {
        WheelEventKind.StrategyRevision => StrategyRevisionOrchestration.Name,
        WheelEventKind.YearlyEvaluation or WheelEventKind.AnnualReporting => SurveyOrchestration.Name,
        WheelEventKind.AnnualReportPublication => AnnualReportPublicationOrchestration.Name,
        WheelEventKind.LeadersMeeting or WheelEventKind.WorkingGroupMeeting => MeetingOrchestration.Name,
        WheelEventKind.LocalGathering => LocalGatheringOrchestration.Name,
        WheelEventKind.SubjectDay or WheelEventKind.IntroCourse or WheelEventKind.BasicCourse => CourseOrchestration.Name,
        WheelEventKind.Newsletter => NewsletterOrchestration.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No orchestration carries this kind of event."),
    };
}
