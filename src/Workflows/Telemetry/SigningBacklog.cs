using System.Diagnostics.Metrics;
using Workflows.Signing;

namespace Workflows.Telemetry;

/// <summary>The function descriptions waiting for a signature at one count: how many, and how long the longest has waited, per role.</summary>
/// <param name="CountedAt">When they were counted.</param>
/// <param name="Waiting">Per role whose turn it is: how many wait, and since when the longest has waited.</param>
public sealed record SigningBacklog(DateTimeOffset CountedAt, IReadOnlyDictionary<SignerRole, (int Count, DateTimeOffset Since)> Waiting)
{
    /// <summary>Nothing counted yet: the gauges report nothing rather than a false zero.</summary>
    public static SigningBacklog Unknown { get; } = new(DateTimeOffset.MinValue, new Dictionary<SignerRole, (int, DateTimeOffset)>());

    internal IEnumerable<Measurement<long>> WaitingMeasurements() =>
        CountedAt == DateTimeOffset.MinValue
            ? []
            : Enum.GetValues<SignerRole>().Select(role => new Measurement<long>(Waiting.TryGetValue(role, out var w) ? w.Count : 0, Role(role)));

    internal IEnumerable<Measurement<double>> OldestWaitMeasurements() =>
        Waiting.Select(w => new Measurement<double>(Math.Max(0, (CountedAt - w.Value.Since).TotalHours), Role(w.Key)));

    private static KeyValuePair<string, object?> Role(SignerRole role) => new("waiting_for", role.ToString());
}
