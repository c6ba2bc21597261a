using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Workflows.Functions.Tests.Observability;

/// <summary>
/// The host's telemetry exported to memory (OpenTelemetry's in-memory exporter): every span, log record and metric, and
/// all the text they carry, for tests to search.
/// </summary>
public sealed class TelemetryCapture
{
    private readonly Locked<Activity> spans = new();
    private readonly Locked<LogRecord> logs = new();
    private readonly Locked<MetricSnapshot> metrics = new();

    /// <summary>Settings that switch telemetry on without an exporter of its own.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Telemetry:Enabled"] = "true" };

    /// <summary>Adds the in-memory exporters to the host's providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans));
        services.ConfigureOpenTelemetryLoggerProvider(b => b.AddInMemoryExporter(logs));
        services.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(metrics));
    }

    public IReadOnlyList<Activity> Spans => spans.Snapshot();

    public IReadOnlyList<LogRecord> Logs => logs.Snapshot();

    /// <summary>The metrics collected now (cumulative: each point holds its total since the start).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics(IServiceProvider host)
    {
        lock (metrics)
        {
            metrics.Clear();
            host.GetRequiredService<MeterProvider>().ForceFlush();

            // The periodic reader may have exported too meanwhile: the last of each metric is the newest total.
            return [.. metrics.Snapshot().GroupBy(m => m.Name, StringComparer.Ordinal).Select(g => g.Last())];
        }
    }

    /// <summary>The sum of a counter's points (or the last value of a gauge) whose attributes include <paramref name="where"/>.</summary>
    public double Value(IServiceProvider host, string name, params (string Key, string Value)[] where)
    {
        var points = Metrics(host).Where(m => m.Name == name).SelectMany(m => m.MetricPoints.Select(p => (m.MetricType, Point: p))).ToList();
        var matching = points.Where(p => where.All(w => Tags(p.Point).Any(t => t.Key == w.Key && Convert.ToString(t.Value, CultureInfo.InvariantCulture) == w.Value))).ToList();
        return matching.Sum(p => p.MetricType switch
        {
            MetricType.LongSum => p.Point.GetSumLong(),
            MetricType.DoubleSum => p.Point.GetSumDouble(),
            MetricType.LongGauge => p.Point.GetGaugeLastValueLong(),
            MetricType.DoubleGauge => p.Point.GetGaugeLastValueDouble(),
            _ => 0,
        });
    }

    /// <summary>Every piece of text that leaves the process: span names, tags, events and statuses; log messages, attributes and exceptions; metric names and attributes.</summary>
    public IEnumerable<string> Texts(IServiceProvider host)
    {
        foreach (var span in Spans)
        {
            yield return span.DisplayName;
            yield return span.StatusDescription ?? string.Empty;
            foreach (var tag in span.TagObjects)
            {
                yield return $"{tag.Key}={tag.Value}";
            }

            foreach (var e in span.Events)
            {
                yield return e.Name;
                foreach (var tag in e.Tags)
                {
                    yield return $"{tag.Key}={tag.Value}";
                }
            }
        }

        foreach (var log in Logs)
        {
            yield return log.FormattedMessage ?? string.Empty;
            yield return log.Body ?? string.Empty;
            yield return log.Exception?.ToString() ?? string.Empty;
            foreach (var attribute in log.Attributes ?? [])
            {
                yield return $"{attribute.Key}={attribute.Value}";
            }
        }

        foreach (var metric in Metrics(host))
        {
            yield return metric.Name;
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in Tags(point))
                {
                    yield return $"{tag.Key}={tag.Value}";
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        foreach (var tag in point.Tags)
        {
            yield return tag;
        }
    }

    /// <summary>A list the exporters add to from several threads while a test reads it.</summary>
    private sealed class Locked<T> : ICollection<T>
    {
        private readonly List<T> items = [];

        public int Count
        {
            get
            {
                lock (items)
                {
                    return items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public IReadOnlyList<T> Snapshot()
        {
            lock (items)
            {
                return [.. items];
            }
        }

        public void Add(T item)
        {
            lock (items)
            {
                items.Add(item);
            }
        }

        public void Clear()
        {
            lock (items)
            {
                items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (items)
            {
                return items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (items)
            {
                items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (items)
            {
                return items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
