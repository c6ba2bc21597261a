using System.Collections.Concurrent;
using System.Globalization;
using Workflows.Network;

namespace Workflows.Simulation;

/// <summary>What a simulated year did, line by line in Oslo time: emails (grouped by subject and minute), documents and status changes.</summary>
internal sealed class SimulationTimeline(TextWriter output)
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Kind, string Text)> pending = new();

    public int Emails { get; private set; }

    public int Documents { get; private set; }

    public int StatusChanges { get; private set; }

    public void Add(DateTimeOffset at, string kind, string text) => pending.Enqueue((at, kind, text));

    /// <summary>Writes what came in since the last flush: identical emails of one minute as one line with a count.</summary>
    public void Flush()
    {
        var items = new List<(DateTimeOffset At, string Kind, string Text)>();
        while (pending.TryDequeue(out var item))
        {
            items.Add(item);
        }

        foreach (var group in items
            .GroupBy(i => (Minute: new DateTimeOffset(i.At.Year, i.At.Month, i.At.Day, i.At.Hour, i.At.Minute, 0, i.At.Offset), i.Kind, i.Text))
            .OrderBy(g => g.Key.Minute).ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Text, StringComparer.Ordinal))
        {
            var count = group.Count();
            switch (group.Key.Kind)
            {
                case "mail":
                    Emails += count;
                    break;
                case "doc":
                    Documents += count;
                    break;
                default:
                    StatusChanges += count;
                    break;
            }

            var local = NorwegianTime.ToLocal(group.Key.Minute.UtcDateTime);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm}  {group.Key.Kind,-6} {(count > 1 ? $"×{count}" : string.Empty),-6} {group.Key.Text}"));
        }
    }
}
