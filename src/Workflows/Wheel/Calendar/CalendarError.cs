namespace Workflows.Wheel.Calendar;

/// <summary>One thing wrong in a calendar file.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Field">The field's path, e.g. <c>events[3].date</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CalendarError(int Line, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, {Field}: {Message}";
}
