using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Extensions;

namespace Workflows.Wheel.Calendar;

/// <summary>
/// A yearly date written as words: <c>second Tuesday of October</c>, <c>last Friday of November</c>,
/// <c>first Monday of December</c>. The ordinal is first to fourth or last.
/// </summary>
public sealed partial record DateRule(int Ordinal, DayOfWeek Weekday, int Month)
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];

    /// <summary>Reads a rule; null when the text is not one.</summary>
    public static DateRule? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success
            || !Enum.TryParse<DayOfWeek>(match.Groups["day"].Value, ignoreCase: true, out var weekday)
            || !DateTime.TryParseExact(match.Groups["month"].Value, "MMMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return null;
        }

        var ordinal = match.Groups["ordinal"].Value.ToLowerInvariant();
        return new DateRule(ordinal == "last" ? -1 : Array.IndexOf(Ordinals, ordinal) + 1, weekday, month.Month);
    }

    /// <summary>The rule's date in <paramref name="year"/>.</summary>
    /// <remarks>NodaTime's occurrence 5 means the last such weekday of the month, whether the month has four or five.</remarks>
    public DateOnly In(int year) =>
        LocalDate.FromYearMonthWeekAndDay(year, Month, Ordinal < 0 ? 5 : Ordinal, Weekday.ToIsoDayOfWeek()).ToDateOnly();

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Ordinal < 0 ? "last" : Ordinals[Ordinal - 1])} {Weekday} of {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month)}";

    [GeneratedRegex(@"^(?<ordinal>first|second|third|fourth|last)\s+(?<day>[a-z]+)\s+of\s+(?<month>[a-z]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
