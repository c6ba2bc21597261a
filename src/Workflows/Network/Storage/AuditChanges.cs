using System.Text.Json;

namespace Workflows.Network.Storage;

/// <summary>Computes, stores and redacts the field changes an audit entry records.</summary>
public static class AuditChanges
{
    /// <summary>What a redacted value reads as.</summary>
    public const string Erased = "[erased]";

    /// <summary>
    /// The top-level fields that differ between two JSON objects (either may be null: created, deleted). A list that
    /// was there before and after records only the items taken out (before) and put in (after): a course roster
    /// gains one person per registration, and its trail should say who, not repeat everyone seated each time.
    /// </summary>
    public static IReadOnlyDictionary<string, AuditChange> Between(string? beforeJson, string? afterJson)
    {
        // Read-only documents and the stored text of each value: a roster of a thousand people is compared once per
        // registration, and building node trees for it cost more than the write itself.
        using var beforeDocument = beforeJson is null ? null : JsonDocument.Parse(beforeJson);
        using var afterDocument = afterJson is null ? null : JsonDocument.Parse(afterJson);
        var before = Fields(beforeDocument);
        var after = Fields(afterDocument);
        var changes = new SortedDictionary<string, AuditChange>(StringComparer.Ordinal);
        foreach (var name in before.Keys.Union(after.Keys))
        {
            var old = before.TryGetValue(name, out var was) ? was.GetRawText() : null;
            var @new = after.TryGetValue(name, out var now) ? now.GetRawText() : null;
            if (old != @new)
            {
                changes[name] = was.ValueKind == JsonValueKind.Array && now.ValueKind == JsonValueKind.Array ? ListChange(was, now) : new AuditChange(old, @new);
            }
        }

        return changes;
    }

    private static Dictionary<string, JsonElement> Fields(JsonDocument? document)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (document is not null)
        {
            foreach (var field in document.RootElement.EnumerateObject())
            {
                fields[field.Name] = field.Value;
            }
        }

        return fields;
    }

    /// <summary>
    /// What <see cref="Between"/> records for a field that is a list, from the lists themselves: the items taken out and
    /// put in (the whole lists when only their order changed); null when they are the same.
    /// </summary>
    public static AuditChange? OfList<TItem>(IReadOnlyList<TItem> before, IReadOnlyList<TItem> after)
        where TItem : notnull
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (Difference(before, after) is not { } difference)
        {
            return null;
        }

        var (removed, added) = difference;
        return removed.Count == 0 && added.Count == 0
            ? new AuditChange(Json(before), Json(after))
            : new AuditChange(Json(removed), Json(added));
    }

    /// <summary>The field's name as stored.</summary>
    public static string FieldName(string propertyName) => RegistryJson.Options.PropertyNamingPolicy?.ConvertName(propertyName) ?? propertyName;

    private static string Json<TValue>(TValue value) => JsonSerializer.Serialize(value, RegistryJson.Options);

    private static AuditChange ListChange(JsonElement before, JsonElement after)
    {
        var was = before.EnumerateArray().Select(item => item.GetRawText()).ToList();
        var now = after.EnumerateArray().Select(item => item.GetRawText()).ToList();
        return Difference(was, now) is { } difference && (difference.Removed.Count > 0 || difference.Added.Count > 0)
            ? new AuditChange($"[{string.Join(',', difference.Removed)}]", $"[{string.Join(',', difference.Added)}]")
            : new AuditChange(before.GetRawText(), after.GetRawText());
    }

    /// <summary>
    /// The items taken out of <paramref name="before"/> and put into <paramref name="after"/> (both empty when only the
    /// order changed); null when the lists are the same. What both begin and end with cancels out first: a registration
    /// appends one person to a thousand, and only the middle is compared item by item.
    /// </summary>
    private static (List<TItem> Removed, List<TItem> Added)? Difference<TItem>(IReadOnlyList<TItem> before, IReadOnlyList<TItem> after)
        where TItem : notnull
    {
        var head = 0;
        while (head < before.Count && head < after.Count && EqualityComparer<TItem>.Default.Equals(before[head], after[head]))
        {
            head++;
        }

        if (head == before.Count && head == after.Count)
        {
            return null;
        }

        var tail = 0;
        while (tail < before.Count - head && tail < after.Count - head
            && EqualityComparer<TItem>.Default.Equals(before[before.Count - 1 - tail], after[after.Count - 1 - tail]))
        {
            tail++;
        }

        var was = before.Skip(head).Take(before.Count - head - tail).ToList();
        var now = after.Skip(head).Take(after.Count - head - tail).ToList();
        return (NotIn(was, now), NotIn(now, was));
    }

    /// <summary>The items of <paramref name="list"/> that <paramref name="other"/> does not have (as many times as it lacks them).</summary>
    private static List<TItem> NotIn<TItem>(IReadOnlyList<TItem> list, IReadOnlyList<TItem> other)
        where TItem : notnull
    {
        var left = new Dictionary<TItem, int>();
        foreach (var item in other)
        {
            left[item] = left.GetValueOrDefault(item) + 1;
        }

        var missing = new List<TItem>();
        foreach (var item in list)
        {
            if (left.GetValueOrDefault(item) > 0)
            {
                left[item]--;
            }
            else
            {
                missing.Add(item);
            }
        }

        return missing;
    }

    /// <summary>The changes with every value replaced by <see cref="Erased"/>.</summary>
    public static IReadOnlyDictionary<string, AuditChange> Redact(IReadOnlyDictionary<string, AuditChange> changes) =>
        changes.ToDictionary(
            c => c.Key,
            c => new AuditChange(c.Value.Before is null ? null : Erased, c.Value.After is null ? null : Erased),
            StringComparer.Ordinal);

    /// <summary>The changes as stored.</summary>
    public static string Serialize(IReadOnlyDictionary<string, AuditChange> changes) => JsonSerializer.Serialize(changes, RegistryJson.Options);

    /// <summary>The changes read back.</summary>
    public static IReadOnlyDictionary<string, AuditChange> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, AuditChange>>(json, RegistryJson.Options) ?? [];
}
