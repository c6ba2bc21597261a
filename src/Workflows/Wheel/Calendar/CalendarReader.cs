using System.Globalization;
using System.Text.RegularExpressions;
using Workflows.Network;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workflows.Wheel.Calendar;

/// <summary>
/// Reads a network's calendar file (YAML) and checks every field, collecting each error with its line and field so
/// the person editing the file can mend all of them in one go.
/// </summary>
public static partial class CalendarReader
{
    private static readonly string[] TopKeys = ["network", "version", "language", "events"];
    private static readonly string[] EventKeys =
        ["id", "kind", "title", "date", "rule", "days", "time", "area", "location", "audience", "invitation", "reminders", "capacity", "follow-up"];

    /// <summary>Reads <paramref name="yaml"/>; <paramref name="source"/> names the file in messages.</summary>
    /// <exception cref="CalendarValidationException">Anything is wrong; lists every error found.</exception>
    public static WheelCalendar Read(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<CalendarError>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
                ? mapping
                : throw new CalendarValidationException(source, [new CalendarError(1, "(file)", "Expected one YAML document with network, version, language and events.")]);
        }
        catch (YamlException e)
        {
            throw new CalendarValidationException(source, [new CalendarError((int)e.Start.Line, "(file)", $"Not valid YAML: {e.Message}")]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser gives up this way on some unclosed structures, without a position.
            throw new CalendarValidationException(source, [new CalendarError(1, "(file)", $"Not valid YAML: {e.Message}")]);
        }

        var fields = new Fields(root, string.Empty, errors);
        fields.RejectUnknown(TopKeys);
        var network = fields.Slug("network", required: true) ?? string.Empty;
        var version = fields.Integer("version", 1, 10_000, required: true) ?? 0;
        var language = fields.Text("language", required: true) switch
        {
            "nb" => NetworkLanguage.Bokmal,
            "nn" => NetworkLanguage.Nynorsk,
            null => NetworkLanguage.Bokmal,
            var other => fields.Error("language", $"'{other}' is not a language: use nb (Bokmål) or nn (Nynorsk).", NetworkLanguage.Bokmal),
        };
        var events = new List<WheelEventDefinition>();
        if (fields.Node("events") is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (ReadEvent(sequence.Children[i], $"events[{i}]", errors) is { } definition)
                {
                    events.Add(definition);
                }
            }

            foreach (var duplicate in events.GroupBy(e => e.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            {
                errors.Add(new CalendarError(duplicate.Line, $"events[{events.IndexOf(duplicate)}].id", $"'{duplicate.Id}' is used by an earlier event; ids must be unique."));
            }
        }
        else
        {
            fields.Error("events", "Required: a list of events.", 0);
        }

        if (errors.Count > 0)
        {
            throw new CalendarValidationException(source, [.. errors.OrderBy(e => e.Line)]);
        }

        return new WheelCalendar(network, version, language, events, source);
    }

    private static WheelEventDefinition? ReadEvent(YamlNode node, string path, List<CalendarError> errors)
    {
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new CalendarError((int)node.Start.Line, path, "Expected an event (id, kind, title, date or rule, audience, …)."));
            return null;
        }

        var before = errors.Count;
        var fields = new Fields(mapping, path + ".", errors);
        fields.RejectUnknown(EventKeys);
        var id = fields.Slug("id", required: true);
        var kindText = fields.Text("kind", required: true);
        WheelEventKind? kind = kindText is null ? null : Kebab.TryParse<WheelEventKind>(kindText, out var parsedKind)
            ? parsedKind
            : fields.Error<WheelEventKind?>("kind", $"'{kindText}' is not an event kind: use one of {string.Join(", ", Kebab.Names<WheelEventKind>())}.", null);
        var title = fields.Text("title", required: true);
        var date = fields.Date("date");
        var ruleText = fields.Text("rule");
        var rule = ruleText is null ? null
            : DateRule.TryParse(ruleText) ?? fields.Error<DateRule?>("rule", $"'{ruleText}' is not a rule: write e.g. 'second Tuesday of October' or 'last Friday of November'.", null);
        if ((date is null) == (ruleText is null))
        {
            fields.Error("date", "Give either a date (2026-03-24) or a rule (second Tuesday of October), not both or neither.", 0);
        }

        var days = fields.Integer("days", 1, 5) ?? 1;
        var (starts, ends) = fields.TimeSpan("time") ?? (new TimeOnly(9, 0), new TimeOnly(15, 0));
        var area = fields.Slug("area");
        if (kind == WheelEventKind.LocalGathering && area is null)
        {
            fields.Error("area", "Required for a local gathering: the local area's id.", 0);
        }

        var audience = new List<Audience>();
        foreach (var (text, line, field) in fields.List("audience", required: true))
        {
            if (Kebab.TryParse<Audience>(text, out var who))
            {
                audience.Add(who);
            }
            else
            {
                errors.Add(new CalendarError(line, field, $"'{text}' is not an audience: use one of {string.Join(", ", Kebab.Names<Audience>())}."));
            }
        }

        var invitation = fields.Integer("invitation", 0, 365) ?? 28;
        var reminders = new List<int>();
        foreach (var (text, line, field) in fields.List("reminders"))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var daysBefore) || daysBefore < 0 || daysBefore >= Math.Max(invitation, 1))
            {
                errors.Add(new CalendarError(line, field, $"'{text}' is not a number of days before the event below the invitation's {invitation}."));
            }
            else
            {
                reminders.Add(daysBefore);
            }
        }

        var capacity = fields.Integer("capacity", 1, 100_000);
        var followUp = fields.Integer("follow-up", 1, 365);
        if (errors.Count > before)
        {
            return null;
        }

        return new WheelEventDefinition
        {
            Id = id!,
            Kind = kind!.Value,
            Title = title!,
            Date = date,
            Rule = rule,
            Days = days,
            Starts = starts,
            Ends = ends,
            Area = area,
            Location = fields.Text("location"),
            Audience = audience,
            InvitationDaysBefore = invitation,
            ReminderDaysBefore = fields.Node("reminders") is null ? [7, 1] : [.. reminders.Distinct().OrderDescending()],
            Capacity = capacity,
            FollowUpDays = followUp,
            Line = (int)mapping.Start.Line,
        };
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?<from>\d{2}:\d{2})\s*-\s*(?<to>\d{2}:\d{2})$")]
    private static partial Regex TimeSpanPattern();

    /// <summary>The fields of one mapping, read with their lines; each problem becomes an error.</summary>
    private sealed class Fields(YamlMappingNode mapping, string prefix, List<CalendarError> errors)
    {
        public YamlNode? Node(string key) =>
            mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value;

        public T Error<T>(string key, string message, T fallback)
        {
            errors.Add(new CalendarError(Line(key), prefix + key, message));
            return fallback;
        }

        public void RejectUnknown(string[] known)
        {
            foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value, StringComparer.Ordinal)))
            {
                errors.Add(new CalendarError((int)key.Start.Line, prefix + key.Value, $"Unknown field; known fields are {string.Join(", ", known)}."));
            }
        }

        public string? Text(string key, bool required = false)
        {
            switch (Node(key))
            {
                case null when required:
                    return Error<string?>(key, "Required.", null);
                case null:
                    return null;
                case YamlScalarNode { Value: { Length: > 0 } value }:
                    return value.Trim();
                default:
                    return Error<string?>(key, "Expected text.", null);
            }
        }

        public string? Slug(string key, bool required = false) => Text(key, required) is not { } text ? null
            : SlugPattern().IsMatch(text) ? text
            : Error<string?>(key, $"'{text}' is not an id: use 2 to 40 lowercase letters, digits and '-', starting with a letter.", null);

        public int? Integer(string key, int min, int max, bool required = false) => Text(key, required) is not { } text ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
            : Error<int?>(key, $"'{text}' is not a whole number from {min} to {max}.", null);

        public DateOnly? Date(string key) => Text(key) is not { } text ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : Error<DateOnly?>(key, $"'{text}' is not a date: write it as 2026-03-24.", null);

        public (TimeOnly, TimeOnly)? TimeSpan(string key)
        {
            if (Text(key) is not { } text)
            {
                return null;
            }

            var match = TimeSpanPattern().Match(text);
            if (match.Success
                && TimeOnly.TryParseExact(match.Groups["from"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && TimeOnly.TryParseExact(match.Groups["to"].Value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                && from < to)
            {
                return (from, to);
            }

            return Error<(TimeOnly, TimeOnly)?>(key, $"'{text}' is not a time span: write it as 09:00-15:00.", null);
        }

        public IEnumerable<(string Text, int Line, string Field)> List(string key, bool required = false)
        {
            switch (Node(key))
            {
                case null when required:
                    Error(key, "Required: a list.", 0);
                    yield break;
                case null:
                    yield break;
                case YamlSequenceNode { Children.Count: 0 } when required:
                    Error(key, "Required: at least one.", 0);
                    yield break;
                case YamlSequenceNode sequence:
                    for (var i = 0; i < sequence.Children.Count; i++)
                    {
                        var item = sequence.Children[i];
                        yield return (item is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty, (int)item.Start.Line, $"{prefix}{key}[{i}]");
                    }

                    break;
                default:
                    Error(key, "Expected a list, e.g. [nurses, leaders].", 0);
                    break;
            }
        }

        private int Line(string key) =>
            (int)(mapping.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key)?.Start.Line ?? mapping.Start.Line);
    }
}
