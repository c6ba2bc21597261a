using Cronos;

namespace Workflows.Functions.Timers;

/// <summary>
/// A named function on a six-field CRON schedule (seconds first) in Europe/Oslo time. The same definition drives
/// the local scheduler and the Azure timer trigger's <c>function.json</c>.
/// </summary>
public sealed class TimerFunction
{
    /// <summary>The time zone the networks live in.</summary>
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Defines a timer function.</summary>
    /// <param name="name">The function name (also its custom-handler route).</param>
    /// <param name="schedule">Six-field CRON: second minute hour day month day-of-week.</param>
    /// <param name="run">What to do at each occurrence; gets the occurrence time.</param>
    public TimerFunction(string name, string schedule, Func<IServiceProvider, DateTimeOffset, CancellationToken, Task> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Schedule = schedule;
        Expression = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        Run = run;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }

    /// <summary>The six-field CRON expression.</summary>
    public string Schedule { get; }

    /// <summary>What runs at each occurrence.</summary>
    public Func<IServiceProvider, DateTimeOffset, CancellationToken, Task> Run { get; }

    private CronExpression Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in Oslo time; null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => Expression.GetNextOccurrence(after, Oslo, inclusive: false);
}
