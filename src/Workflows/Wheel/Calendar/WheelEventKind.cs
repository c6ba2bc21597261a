using System.Text.Json.Serialization;

namespace Workflows.Wheel.Calendar;

/// <summary>The recurring events of a network's year (årshjul), as the seed plans name them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WheelEventKind>))]
public enum WheelEventKind
{
    /// <summary>January working-group meeting on strategy: annual report, last year's action plan, the new one.</summary>
    StrategyRevision,

    /// <summary>Yearly evaluation for nurses and their leaders (January–February).</summary>
    YearlyEvaluation,

    /// <summary>The approved annual report sent to leaders and municipalities and published (spring).</summary>
    AnnualReportPublication,

    /// <summary>Digital meeting for the leaders of resource nurses (spring).</summary>
    LeadersMeeting,

    /// <summary>A working-group meeting other than the strategy revision.</summary>
    WorkingGroupMeeting,

    /// <summary>A local area's gathering of its resource nurses.</summary>
    LocalGathering,

    /// <summary>The yearly subject day for everyone (October).</summary>
    SubjectDay,

    /// <summary>Intro course for new resource nurses and their leaders (December).</summary>
    IntroCourse,

    /// <summary>Basic course in palliative care for nurses without further education.</summary>
    BasicCourse,

    /// <summary>Annual reporting by nurses and their nearest leaders (autumn).</summary>
    AnnualReporting,

    /// <summary>A newsletter to nurses and leaders (twice a year).</summary>
    Newsletter,
}
