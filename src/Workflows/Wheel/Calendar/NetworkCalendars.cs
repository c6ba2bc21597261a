namespace Workflows.Wheel.Calendar;

/// <summary>
/// The calendars the wheel runs on: the shipped ones (one per seeded network), replaced or joined by files in an
/// optional folder (<c>{network}.yaml</c>). All are read and checked when this is built, so a broken file stops
/// the host at start with every error listed, not on the day an event was due.
/// </summary>
public sealed class NetworkCalendars
{
    private const string ResourcePrefix = "Workflows.Calendars.";
    private readonly Dictionary<string, WheelCalendar> byNetwork;

    /// <summary>Reads the shipped calendars, then those in <paramref name="folder"/> (when given) over them.</summary>
    /// <exception cref="CalendarValidationException">A file is not valid; every error in every file is listed.</exception>
    public NetworkCalendars(string? folder = null)
    {
        var files = new List<(string Source, string Text)>();
        var assembly = typeof(NetworkCalendars).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files.Add((name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        if (folder is not null && Directory.Exists(folder))
        {
            files.AddRange(Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(path => (path, File.ReadAllText(path))));
        }

        byNetwork = new Dictionary<string, WheelCalendar>(StringComparer.Ordinal);
        var problems = new List<CalendarValidationException>();
        foreach (var (source, text) in files)
        {
            try
            {
                var calendar = CalendarReader.Read(text, Path.GetFileName(source));
                byNetwork[calendar.NetworkId] = calendar;
            }
            catch (CalendarValidationException e)
            {
                problems.Add(e);
            }
        }

        if (problems.Count > 0)
        {
            throw new CalendarValidationException(string.Join(Environment.NewLine, problems.Select(p => p.Message)));
        }
    }

    /// <summary>Every calendar, by network id.</summary>
    public IReadOnlyCollection<WheelCalendar> All => byNetwork.Values;

    /// <summary>The network's calendar; null when it has none.</summary>
    public WheelCalendar? For(string networkId) => byNetwork.GetValueOrDefault(networkId);
}
