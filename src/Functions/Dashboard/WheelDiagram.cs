using System.Globalization;
using Workflows.Wheel.Overview;

namespace Workflows.Functions.Dashboard;

/// <summary>
/// The geometry of the drawn wheel: the year as a circle starting at the top (1 January) and running clockwise, the
/// months as sectors, each event a dot at its date, today a line.
/// </summary>
public sealed class WheelDiagram(int year, DateOnly today)
{
    /// <summary>The drawing's width and height.</summary>
    public const int Size = 360;

    /// <summary>The centre's coordinate on both axes.</summary>
    public const double Centre = Size / 2.0;

    /// <summary>The month ring's outer radius.</summary>
    public const double Outer = 170;

    /// <summary>The month ring's inner radius.</summary>
    public const double Inner = 132;

    /// <summary>A state's colour; each is paired with its name in the legend, never used alone.</summary>
    public static string Colour(WheelEventState state) => state switch
    {
        WheelEventState.Planned => "#5f6b7a",
        WheelEventState.Due => "#a35200",
        WheelEventState.Running => "#1f5f8b",
        WheelEventState.Done => "#2e7d32",
        WheelEventState.Stopped => "#6a1b9a",
        _ => "#8b1f1f",
    };

    /// <summary>The point at <paramref name="radius"/> for <paramref name="day"/>, as SVG coordinates.</summary>
    public (string X, string Y) Point(DateOnly day, double radius) => Point(Fraction(day), radius);

    /// <summary>The point at <paramref name="radius"/> for the start of <paramref name="month"/>.</summary>
    public (string X, string Y) MonthStart(int month, double radius) => Point(Fraction(new DateOnly(year, month, 1)), radius);

    /// <summary>The point at <paramref name="radius"/> for the middle of <paramref name="month"/> (its label).</summary>
    public (string X, string Y) MonthMiddle(int month, double radius) => Point(Fraction(new DateOnly(year, month, 15)), radius);

    /// <summary>Where today's line ends, or null when today is not in the year shown.</summary>
    public (string X, string Y)? Today(double radius) => today.Year == year ? Point(today, radius) : null;

    /// <summary>An event's dot radius: events of one month step inwards so they do not cover each other.</summary>
    public static double DotRadius(int indexInMonth) => Inner - 14 - (14 * (indexInMonth % 6));

    private double Fraction(DateOnly day) => (day.DayOfYear - 1) / (double)(DateTime.IsLeapYear(year) ? 366 : 365);

    private static (string X, string Y) Point(double fraction, double radius)
    {
        var angle = (fraction * 2 * Math.PI) - (Math.PI / 2);
        return (Format(Centre + (radius * Math.Cos(angle))), Format(Centre + (radius * Math.Sin(angle))));
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
