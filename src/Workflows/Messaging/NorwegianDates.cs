using System.Globalization;
using Workflows.Network;

namespace Workflows.Messaging;

/// <summary>Dates and times as Norwegian letters write them ("10. november 2026", "kl. 14:30").</summary>
public static class NorwegianDates
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>"10. november 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d. MMMM yyyy", Norwegian);

    /// <summary>The Norwegian day of a UTC instant: "10. november 2026".</summary>
    public static string Day(DateTimeOffset instant) => Day(DateOnly.FromDateTime(NorwegianTime.ToLocal(instant.UtcDateTime)));

    /// <summary>"10. november 2026 kl. 14:30", in Norwegian time; with seconds ("kl. 14:30:05") for records.</summary>
    public static string DayAndTime(DateTime utc, bool seconds = false) =>
        NorwegianTime.ToLocal(utc).ToString(seconds ? "d. MMMM yyyy 'kl.' HH:mm:ss" : "d. MMMM yyyy 'kl.' HH:mm", Norwegian);

    /// <summary>"desember 2026".</summary>
    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Norwegian);
}
