namespace Workflows.Wheel.Reports;

/// <summary>Where published annual reports live: a stable public address and an archived copy per year.</summary>
public static class PublishedReports
{
    /// <summary>The published copy behind the public address.</summary>
    public static string PublishedKey(string networkId, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{networkId}/published/arsrapport-{year}.pdf");

    /// <summary>The archived, immutable copy.</summary>
    public static string ArchiveKey(string networkId, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{networkId}/archive/arsrapport-{year}.pdf");
}
