namespace Workflows.Network;

/// <summary>Norwegian local time: the networks' dates (start dates, course days, deadlines) are days in Europe/Oslo.</summary>
public static class NorwegianTime
{
    /// <summary>The Europe/Oslo time zone.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Today's date in Norway on <paramref name="time"/>'s clock.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
    }

    /// <summary>The UTC instant a Norwegian day starts (midnight in Oslo).</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The instant of a Norwegian wall-clock time on a day (an event's start).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    /// <summary>A UTC instant as a Norwegian local time.</summary>
    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}
