using System.Globalization;

namespace Workflows.Durable.Storage.Azure;

/// <summary>
/// Partition and row keys. An instance's rows share one partition so an episode commits in one table batch:
/// <c>state</c>; <c>h{seq}</c> history; <c>m{arrival}</c> inbox; <c>a{execution}{task}</c> activities;
/// <c>o{episode}{n}</c> outbox. Due-index rows are keyed by due time so "what is due" is a range scan.
/// </summary>
internal static class AzureKeys
{
    public const string State = "state";
    public const string OrchestrationDue = "o";
    public const string ActivityDue = "a";

    /// <summary>A process-wide counter so messages sent at the same clock tick keep their order.</summary>
    private static long messageCounter = Random.Shared.NextInt64(0, 1L << 40);

    /// <summary>An instance's partition: its id made key-safe.</summary>
    public static string Partition(string instanceId) => TableKeys.Escape(instanceId);

    public static string History(int seq) => "h" + seq.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>An inbox key that sorts in arrival order.</summary>
    public static string NewMessage(DateTimeOffset arrival) =>
        string.Create(CultureInfo.InvariantCulture, $"m{arrival.UtcTicks:D19}-{Interlocked.Increment(ref messageCounter):x16}");

    public static string Activity(string executionId, int taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"a{executionId}-{taskId:D10}");

    public static string Outbox(string episode, int n) => string.Create(CultureInfo.InvariantCulture, $"o{episode}-{n:D5}");

    /// <summary>A due-index key: the time, then the instance, so a scan up to now finds what is due.</summary>
    public static string Due(DateTimeOffset at, string instanceId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ticks(at)}|{Partition(instanceId)}");

    /// <summary>The highest due-index key at <paramref name="at"/>: everything due by then sorts below it.</summary>
    public static string DueBound(DateTimeOffset at) => Ticks(at) + "|~";

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
