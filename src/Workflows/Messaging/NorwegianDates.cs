using System.Globalization;
using Workflows.Network;

namespace Workflows.Messaging;

/// <summary>Dates and times as Norwegian letters write them ("10. november 2026", "kl. 14:30").</summary>
public static class NorwegianDates
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>"10. november 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d. MMMM yyyy", Norwegian);

    /// <summary>"10. november 2026 kl. 14:30", in Norwegian time.</summary>
    public static string DayAndTime(DateTime utc) => NorwegianTime.ToLocal(utc).ToString("d. MMMM yyyy 'kl.' HH:mm", Norwegian);

    /// <summary>"desember 2026".</summary>
    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Norwegian);
}
